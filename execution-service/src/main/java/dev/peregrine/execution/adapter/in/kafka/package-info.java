/**
 * Kafka listeners: order intents from {@code orders.intents.v1} and closed candles from
 * {@code market.candles.v1}. Each record is decoded, handed to its use case, then acknowledged.
 */
package dev.peregrine.execution.adapter.in.kafka;
