/**
 * Kafka listeners that feed signals, risk decisions and execution reports into the recording use case and
 * acknowledge each record only after it is stored.
 */
package dev.peregrine.monitor.adapter.in.kafka;
