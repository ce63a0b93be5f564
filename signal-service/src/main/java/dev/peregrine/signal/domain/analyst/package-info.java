/**
 * Analysts: each a strategy whose opinion on a closed candle (stance, confidence and its arguments as data) is a
 * pure function of the market context it is given. The five of the {@link
 * dev.peregrine.signal.domain.analyst.AnalystPanel}, with the per-series {@link
 * dev.peregrine.signal.domain.analyst.SeriesFeatureTracker} that feeds them history, and the {@code BULL_}/{@code
 * BEAR_} naming convention of {@link dev.peregrine.signal.domain.analyst.Arguments} that says which side each
 * argument helps.
 */
package dev.peregrine.signal.domain.analyst;
