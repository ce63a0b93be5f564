/**
 * The candle-to-intent latency harness (issue 14): closed candles on a fixed-rate schedule through signal and risk
 * of the running suite, and the time from each candle's publication to the order intent it caused, per stage, in
 * HdrHistograms. See docs/performance.md, "Candle-to-intent latency".
 */
package dev.peregrine.benchmarks.latency;
