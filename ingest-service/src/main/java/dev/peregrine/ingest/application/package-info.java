/**
 * Use cases of ingest: replaying a kline file or a WebSocket capture, and running the live Binance feed (its
 * connections, backfills and instruments), each through the data-quality stage into stored and published candles
 * and incidents; starting, cancelling and listing replay runs. Plain Java that reaches the outside only through
 * ports.
 */
package dev.peregrine.ingest.application;
