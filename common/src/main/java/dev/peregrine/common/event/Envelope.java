package dev.peregrine.common.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Metadata every event carries.
 *
 * @param eventId        time-ordered id of this event
 * @param schemaVersion  version of the event's schema within its topic version (starts at 1)
 * @param eventTime      when it happened at the source (exchange time for market data)
 * @param processingTime when a Peregrine service produced this event
 * @param correlationId  id of the market event that started the chain (the candle); equals eventId for it
 * @param causationId    id of the event this one was produced in response to; equals eventId for a root
 */
public record Envelope(
        UUID eventId,
        int schemaVersion,
        Instant eventTime,
        Instant processingTime,
        UUID correlationId,
        UUID causationId) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(processingTime, "processingTime");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1: " + schemaVersion);
        }
    }

    /** The envelope of an event that starts a chain: it is its own correlation and cause. */
    public static Envelope root(UUID eventId, Instant eventTime, Instant processingTime) {
        return new Envelope(eventId, CURRENT_SCHEMA_VERSION, eventTime, processingTime, eventId, eventId);
    }

    /** The envelope of an event produced in response to {@code cause}: same chain, new id. */
    public static Envelope causedBy(Envelope cause, UUID eventId, Instant eventTime, Instant processingTime) {
        return new Envelope(eventId, CURRENT_SCHEMA_VERSION, eventTime, processingTime, cause.correlationId, cause.eventId);
    }
}
