/**
 * How the analysts' opinions on one candle become one view: the weighted consensus (with its conflict
 * detection), the bull and bear cases argued from the analysts' evidence, and the arbiter's verdict. Pure,
 * deterministic Java; formulas in docs/signal-validation.md.
 */
package dev.peregrine.signal.domain.consensus;
