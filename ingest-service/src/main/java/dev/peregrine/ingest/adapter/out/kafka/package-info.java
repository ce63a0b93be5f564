/**
 * Publishes ingest's candles, quality incidents and instruments to Kafka through the platform's synchronous publisher.
 */
package dev.peregrine.ingest.adapter.out.kafka;
