package dev.peregrine.ingest.application.port.in;

import dev.peregrine.ingest.domain.ReplayRun;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading replay runs. */
public interface FindReplays {

    Optional<ReplayRun> find(UUID runId);

    /** The newest runs first. */
    List<ReplayRun> recent(int limit);

    /** The last run this service instance started or tried to start (what its health reports on). */
    Optional<ReplayRun> latestStartedHere();
}
