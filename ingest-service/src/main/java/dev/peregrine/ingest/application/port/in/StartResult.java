package dev.peregrine.ingest.application.port.in;

import dev.peregrine.ingest.domain.ReplayRun;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The answer to a replay request: started, refused because another is running, or refused as invalid. */
public sealed interface StartResult {

    record Started(ReplayRun run) implements StartResult {
        public Started {
            Objects.requireNonNull(run, "run");
        }
    }

    record AlreadyRunning(UUID runningRunId) implements StartResult {
        public AlreadyRunning {
            Objects.requireNonNull(runningRunId, "runningRunId");
        }
    }

    /**
     * @param reason        what is wrong and how to fix it
     * @param recordedRunId the FAILED run recorded for it (start-up replays only, so that health shows it)
     */
    record Invalid(String reason, Optional<UUID> recordedRunId) implements StartResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(recordedRunId, "recordedRunId");
        }
    }
}
