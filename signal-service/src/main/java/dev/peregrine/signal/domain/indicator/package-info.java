/**
 * Incremental technical indicators: each is fed one closed bar at a time in O(1) (amortised where a rolling
 * window is re-summed on wrap or a monotonic deque is used), says explicitly when it is warm, and does its
 * maths in {@code double}. {@link dev.peregrine.signal.domain.indicator.IndicatorBank} bundles one configured
 * set per (symbol, interval) series and hands out immutable
 * {@link dev.peregrine.signal.domain.indicator.IndicatorValues} snapshots.
 */
package dev.peregrine.signal.domain.indicator;
