/**
 * The signal part of the benchmarks: a per-series façade over the signal-service domain
 * ({@link dev.peregrine.benchmarks.signal.SignalPipeline}), the JMH benchmark of its per-candle hot path and the
 * report of signal grades against realised forward returns on real Binance klines. Uses only the domain API of
 * signal-service, never its application layer.
 */
package dev.peregrine.benchmarks.signal;
