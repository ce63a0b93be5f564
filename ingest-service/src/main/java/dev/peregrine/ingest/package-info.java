/**
 * ingest-service: turns Binance klines (for now: replayed kline CSV files) into validated, flagged
 * {@code CandleClosed} events on {@code market.candles.v1}, and data-quality incidents on {@code market.quality.v1}.
 */
package dev.peregrine.ingest;
