package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.instrument.Instrument;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An instrument as stored, with the id of the {@code InstrumentUpdated} event that announces its current rules.
 *
 * @param publishedAt empty until the broker acknowledged that event
 */
public record StoredInstrument(Instrument instrument, UUID eventId, Instant updatedAt, Optional<Instant> publishedAt) {

    public StoredInstrument {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
