/**
 * The market regime (trend vs range, high vs low volatility) that sets how much each analyst is trusted: the
 * per-series {@link dev.peregrine.signal.domain.regime.RegimeClassifier} and the per-regime weight table
 * {@link dev.peregrine.signal.domain.regime.RegimeWeights}.
 */
package dev.peregrine.signal.domain.regime;
