/** Publishes ingest's candles and quality incidents to Kafka through the platform's synchronous publisher. */
package dev.peregrine.ingest.adapter.out.kafka;
