/**
 * Inbound adapters: what drives ingest's use cases (the operator API, the start-up configuration, the live Binance
 * streams, health checks, the retention sweep's timer).
 */
package dev.peregrine.ingest.adapter.in;
