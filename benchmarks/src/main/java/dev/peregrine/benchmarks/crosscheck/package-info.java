/**
 * The monitor's signal outcomes checked against the offline {@code SignalGradeReport} on the same kline file: per
 * grade, count, hit rate and mean 4 h forward return (docs/monitoring.md, "Cross-check against SignalGradeReport").
 */
package dev.peregrine.benchmarks.crosscheck;
