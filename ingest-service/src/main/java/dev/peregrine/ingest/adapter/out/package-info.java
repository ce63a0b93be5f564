/** Outbound adapters: files, PostgreSQL, Kafka, Micrometer and the pacing clock behind ingest's ports. */
package dev.peregrine.ingest.adapter.out;
