/**
 * Pure market-data rules: the candle, the Binance kline CSV layout, replay formats and the replay run's
 * lifecycle; the quality rules and the WebSocket message parser live in the sub-packages. No framework, no I/O.
 */
package dev.peregrine.ingest.domain;
