/** Inbound adapters: what drives ingest's use cases (the operator API, the start-up configuration, health checks). */
package dev.peregrine.ingest.adapter.in;
