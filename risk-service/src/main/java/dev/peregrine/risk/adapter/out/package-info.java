/** Driven adapters: what risk-service calls out to (PostgreSQL, Kafka, Micrometer, configured data). */
package dev.peregrine.risk.adapter.out;
