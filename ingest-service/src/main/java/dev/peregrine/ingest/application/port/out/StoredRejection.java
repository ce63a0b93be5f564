package dev.peregrine.ingest.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A rejection as stored: the first record of it wins, including its incident's event id. */
public record StoredRejection(UUID id, UUID eventId, Instant rejectedAt, Optional<Instant> publishedAt) {

    public StoredRejection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
