/**
 * Analysts: each a strategy whose opinion on a closed candle (stance, confidence and its arguments as
 * data) is a pure function of the market context it is given.
 */
package dev.peregrine.signal.domain.analyst;
