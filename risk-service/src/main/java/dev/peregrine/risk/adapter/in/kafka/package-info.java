/** Consumes validated signals from Kafka and hands each to the decide-on-signal use case. */
package dev.peregrine.risk.adapter.in.kafka;
