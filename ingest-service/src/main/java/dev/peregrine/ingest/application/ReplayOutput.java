package dev.peregrine.ingest.application;

import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Where a replay's judged lines go to be stored, published and marked published: one at a time on the replay thread
 * ({@link PacedReplay}), or in batches on two more threads ({@link BatchedReplay}, speed 0).
 */
sealed interface ReplayOutput permits PacedReplay, BatchedReplay {

    /**
     * A candle the quality stage accepted, with the incidents about its series found just before it; a paced replay
     * waits {@code pauseBefore} before publishing it unless it is the first.
     */
    void candle(NewCandle offered, QualityCheck check, List<QualityIncident> seriesIncidents, Duration pauseBefore)
            throws InterruptedException;

    /** The incident about a rejected line, marked published with the line. */
    void rejection(UUID rejectionId, QualityIncident incident) throws InterruptedException;

    /** Incidents about a series rather than a line's candle; not empty. */
    void incidents(List<QualityIncident> incidents) throws InterruptedException;

    /** The file was read to its end: stores and publishes what is left, and waits until it is acknowledged. */
    void complete() throws InterruptedException;

    /** The file broke off: the lines read before are sound and are handed on; failures are added to {@code cause}. */
    void flushBeforeFailing(Exception cause);

    /** Stops at once; true once nothing runs any more, so that the sender's leftovers may be looked at. */
    boolean abort();

    /**
     * Lets the batches handed over be stored and published (saving a later replay the work); true once nothing runs
     * any more. Failures are added to {@code cause}.
     */
    boolean drain(Exception cause);

    ReplaySender sender();
}
