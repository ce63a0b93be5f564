package dev.peregrine.ingest.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.instrument.Instrument;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Instruments, one row per symbol: the latest rules seen. */
public interface InstrumentStore {

    Optional<StoredInstrument> find(Symbol symbol);

    /** Inserts or replaces the symbol's row with these rules, to be announced under {@code eventId}. */
    void save(Instrument instrument, UUID eventId, Instant updatedAt);

    void markPublished(List<UUID> eventIds, Instant publishedAt);
}
