/**
 * ingest-service: turns Binance klines (Binance's live streams with a REST backfill, or replayed kline CSV files
 * and WebSocket captures) into validated, flagged {@code CandleClosed} events on {@code market.candles.v1},
 * data-quality incidents on {@code market.quality.v1} and trading rules on {@code market.instruments.v1}.
 */
package dev.peregrine.ingest;
