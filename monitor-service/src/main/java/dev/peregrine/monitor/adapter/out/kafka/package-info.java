/** Kafka publishers of the monitor's own events. */
package dev.peregrine.monitor.adapter.out.kafka;
