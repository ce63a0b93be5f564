/** Publishes risk decisions and order intents to their Kafka topics through the platform's publisher. */
package dev.peregrine.risk.adapter.out.kafka;
