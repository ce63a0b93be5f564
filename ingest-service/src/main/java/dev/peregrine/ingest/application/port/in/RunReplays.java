package dev.peregrine.ingest.application.port.in;

import java.util.UUID;

/** Starting and stopping replays. One replay runs at a time per service instance. */
public interface RunReplays {

    StartResult start(ReplayRequest request);

    /** Cancels a running replay; {@code by} is the caller who asked (recorded on the run), null when unnamed. */
    CancelResult cancel(UUID runId, String by);

    /** {@link #cancel(UUID, String)} by an unnamed caller. */
    default CancelResult cancel(UUID runId) {
        return cancel(runId, null);
    }

    /**
     * Marks runs still RUNNING from an earlier process as FAILED: that process stopped before they finished.
     * Call once at start-up, before starting a replay. Assumes one ingest instance replays at a time.
     *
     * @return how many runs were marked
     */
    int abandonInterruptedRuns();
}
