/**
 * The signal part of the benchmarks: the JMH benchmark of the per-candle hot path and the report of signal grades
 * against realised forward returns on real Binance klines. Both run signal-service's own chain
 * ({@link dev.peregrine.signal.application.SignalChain}, the class its Kafka path runs, with the service's default
 * configuration and registry); this package keeps no copy of it.
 */
package dev.peregrine.benchmarks.signal;
