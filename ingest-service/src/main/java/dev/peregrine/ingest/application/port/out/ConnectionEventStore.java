package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.live.ConnectionEvent;
import java.util.List;

/** The live feed's audit trail ({@code ingest.connection_events}). */
public interface ConnectionEventStore {

    void record(ConnectionEvent event);

    /** The latest {@code limit} events, newest first. */
    List<ConnectionEvent> recent(int limit);
}
