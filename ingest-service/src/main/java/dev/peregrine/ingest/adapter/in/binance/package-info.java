/**
 * The live Binance market streams through the official connector's {@code WebSocketStreamClientImpl}: one
 * combined-stream connection per planned shard, whose callbacks drive the live feed; and the start and stop of the
 * feed with the service.
 */
package dev.peregrine.ingest.adapter.in.binance;
