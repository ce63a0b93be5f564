package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.ReplayRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Replay runs with their status and counts. */
public interface ReplayRunStore {

    void insert(ReplayRun run);

    /** Saves the status, counts, finish time and error of an inserted run. */
    void update(ReplayRun run);

    Optional<ReplayRun> find(UUID id);

    /** Newest first. */
    List<ReplayRun> recent(int limit);

    /** Marks every RUNNING run except {@code exceptId} (may be null) as FAILED with {@code reason}. */
    int failRunning(UUID exceptId, Instant at, String reason);
}
