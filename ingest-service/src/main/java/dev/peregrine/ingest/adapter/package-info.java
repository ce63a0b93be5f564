/**
 * Adapters between ingest's ports and the outside world: inbound (REST, start-up, Binance's streams, health) and
 * outbound.
 */
package dev.peregrine.ingest.adapter;
