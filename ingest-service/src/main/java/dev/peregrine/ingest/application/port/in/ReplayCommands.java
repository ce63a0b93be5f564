package dev.peregrine.ingest.application.port.in;

import java.util.UUID;

/** Starting and stopping replays. One replay runs at a time per service instance. */
public interface ReplayCommands {

    StartResult start(ReplayRequest request);

    CancelResult cancel(UUID runId);

    /**
     * Marks runs still RUNNING from an earlier process as FAILED: that process stopped before they finished.
     * Call once at start-up, before starting a replay. Assumes one ingest instance replays at a time.
     *
     * @return how many runs were marked
     */
    int abandonInterruptedRuns();
}
