/** The Kafka listener of {@code alerts.v1}: records each alert (and its deliveries) before acknowledging it. */
package dev.peregrine.monitor.adapter.in.kafka.alert;
