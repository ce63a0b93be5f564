package dev.peregrine.signal.domain;

/**
 * Indicator values on the bar a signal fired on, kept with the signal so a validation can be explained
 * and re-checked later.
 *
 * @param fastEma          fast EMA after the bar
 * @param slowEma          slow EMA after the bar
 * @param previousSlowEma  slow EMA one bar earlier (its change is the slope)
 * @param atr              ATR after the bar
 */
public record IndicatorSnapshot(double fastEma, double slowEma, double previousSlowEma, double atr) {
}
