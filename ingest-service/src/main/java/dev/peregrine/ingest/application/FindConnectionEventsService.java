package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.in.FindConnectionEvents;
import dev.peregrine.ingest.application.port.out.ConnectionEventStore;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import java.util.List;
import java.util.Objects;

/** Answers what happened to the live feed's connections, from the audit trail. */
public final class FindConnectionEventsService implements FindConnectionEvents {

    private final ConnectionEventStore store;

    public FindConnectionEventsService(ConnectionEventStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<ConnectionEvent> recentConnectionEvents(int limit) {
        return store.recent(limit);
    }
}
