/**
 * Outbound adapters: files, PostgreSQL, Kafka, Micrometer, Binance's REST API, the pacing clock and the live
 * feed's thread behind ingest's ports.
 */
package dev.peregrine.ingest.adapter.out;
