/**
 * The closed candle as the signal domain sees it ({@code Bar}), in a package of its own because every part of the
 * domain reads it: the indicators, patterns, analysts and regime below {@code domain} and {@code SeriesState} and
 * {@code SignalPipeline} that assemble them. Kept apart, the parts depend on it and {@code domain} on them, one way.
 */
package dev.peregrine.signal.domain.bar;
