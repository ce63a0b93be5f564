/** Adapters connecting the use cases to Kafka, HTTP, PostgreSQL and Micrometer. */
package dev.peregrine.signal.adapter;
