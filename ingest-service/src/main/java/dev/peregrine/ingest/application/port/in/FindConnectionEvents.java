package dev.peregrine.ingest.application.port.in;

import dev.peregrine.ingest.domain.live.ConnectionEvent;
import java.util.List;

/** The live feed's audit trail of connections, reconnects, backfills and rate limits. */
public interface FindConnectionEvents {

    /** The latest {@code limit} events, newest first. */
    List<ConnectionEvent> recentConnectionEvents(int limit);
}
