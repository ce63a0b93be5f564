package dev.peregrine.monitor.domain.outcome;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A measured outcome as stored: the pending outcome it completed, the measurement, and the id and time of its event,
 * fixed when it was measured so that re-publishing it after a crash sends the very same event.
 */
public record StoredOutcome(PendingOutcome pending, OutcomeMeasurement measurement, UUID eventId, Instant measuredAt) {

    public StoredOutcome {
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(measuredAt, "measuredAt");
    }
}
