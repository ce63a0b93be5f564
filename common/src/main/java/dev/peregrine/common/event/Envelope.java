package dev.peregrine.common.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Metadata every event carries.
 *
 * @param eventId        time-ordered id of this event
 * @param schemaVersion  revision of the event contract within its topic version (starts at 1); a consumer refuses
 *                       (dead-letters) an event newer than it reads, see {@link #CURRENT_SCHEMA_VERSION}
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

    /**
     * The revision of the contracts this code writes and, by default, the newest it reads. Additive changes that a
     * consumer built before them may ignore (a new optional field) keep it; an addition such a consumer must not
     * ignore raises it, so that older consumers dead-letter those events (to be re-driven once upgraded) instead of
     * misreading them: deploy consumers before producers. A breaking change (a field removed, renamed, retyped or
     * changing meaning) is not a new revision but a new topic version ({@code *.v2}). See docs/architecture.md.
     */
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
        return new Envelope(
                eventId, CURRENT_SCHEMA_VERSION, eventTime, processingTime, cause.correlationId, cause.eventId);
    }
}
