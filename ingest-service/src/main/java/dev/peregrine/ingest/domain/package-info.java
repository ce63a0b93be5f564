/**
 * Pure market-data rules: the candle, the Binance kline CSV layout, replay formats and the replay run's
 * lifecycle; the quality rules, the WebSocket message parser, the live feed's rules and instruments live in the
 * sub-packages. No framework, no I/O.
 */
package dev.peregrine.ingest.domain;
