/**
 * Pure market-data rules: the candle, the Binance kline CSV layout, the first data-quality checks and the
 * replay run's lifecycle. No framework, no I/O.
 */
package dev.peregrine.ingest.domain;
