/** Adapters: how the outside world (Kafka, HTTP, PostgreSQL, Micrometer, venues) meets the use cases. */
package dev.peregrine.execution.adapter;
