package dev.peregrine.ingest.application.port.in;

import dev.peregrine.ingest.domain.ReplayStatus;
import java.util.UUID;

/** The answer to a cancel request. */
public sealed interface CancelResult {

    /** The run was asked to stop; it turns CANCELLED once the current candle is done. */
    record Cancelling(UUID runId) implements CancelResult {}

    /** The run exists but is not running in this service instance. */
    record NotRunning(UUID runId, ReplayStatus status) implements CancelResult {}

    record Unknown(UUID runId) implements CancelResult {}
}
