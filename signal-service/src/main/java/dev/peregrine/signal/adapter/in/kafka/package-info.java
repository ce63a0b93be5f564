/**
 * Kafka listeners: closed candles from {@code market.candles.v1} and strategy commands from
 * {@code strategy.commands.v1}. Each decodes its record, hands it to a use case and acknowledges it only
 * afterwards; undecodable records propagate to the platform's dead-letter handling.
 */
package dev.peregrine.signal.adapter.in.kafka;
