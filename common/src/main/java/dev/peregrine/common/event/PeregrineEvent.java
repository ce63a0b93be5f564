package dev.peregrine.common.event;

/** What all events share: an envelope and the Kafka key that keeps related events in order. */
public interface PeregrineEvent {

    Envelope envelope();

    /** The record key: symbol for market/trading topics, strategy id for strategy topics. */
    String key();
}
