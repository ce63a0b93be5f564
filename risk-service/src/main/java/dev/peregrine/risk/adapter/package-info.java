/** Adapters between the risk use cases and Kafka, HTTP, PostgreSQL, Micrometer and configuration. */
package dev.peregrine.risk.adapter;
