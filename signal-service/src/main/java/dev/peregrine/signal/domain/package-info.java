/**
 * The signal domain in plain Java: a series' memory ({@code SeriesState}: indicators, patterns, features,
 * regime), the per-candle judgement ({@code SignalPipeline}: the analyst panel, regime x registry weights,
 * consensus, debate and the v2 {@code SignalValidator}), and the strategy lifecycle (active/paused, weight).
 * The parts live in {@code indicator}, {@code pattern}, {@code analyst}, {@code regime} and {@code consensus}.
 */
package dev.peregrine.signal.domain;
