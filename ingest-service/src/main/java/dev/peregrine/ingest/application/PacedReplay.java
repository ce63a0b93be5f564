package dev.peregrine.ingest.application;

import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A replay at N x real time: each candle is stored, published and marked published on the replay thread, the
 * candle's pause after the last one; rejections and incidents are published as they come.
 */
final class PacedReplay implements ReplayOutput {

    private final CandleStore candles;
    private final IdGenerator ids;
    private final Pacer pacer;
    private final ReplaySender sender;
    private final ReplayTally tally;
    /** Saves the run's progress before each pause. */
    private final Runnable saveProgress;

    PacedReplay(
            CandleStore candles,
            IdGenerator ids,
            Pacer pacer,
            ReplaySender sender,
            ReplayTally tally,
            Runnable saveProgress) {
        this.candles = candles;
        this.ids = ids;
        this.pacer = pacer;
        this.sender = sender;
        this.tally = tally;
        this.saveProgress = saveProgress;
    }

    @Override
    public void candle(
            NewCandle offered, QualityCheck check, List<QualityIncident> seriesIncidents, Duration pauseBefore)
            throws InterruptedException {
        // Stored before pausing, so that a candle an earlier run already published costs no wait.
        UUID publication = ids.next();
        StoredCandle stored = candles.storeIfAbsent(offered, publication);
        if (stored.publishedAt().isPresent()) {
            tally.skipped();
            return;
        }
        if (tally.published() > 0 && pauseBefore.isPositive()) {
            saveProgress.run();
            pacer.pause(pauseBefore);
        }
        ReplaySender.Outgoing outgoing = new ReplaySender.Outgoing(publication);
        outgoing.candle(stored, check, seriesIncidents);
        sender.send(outgoing);
    }

    @Override
    public void rejection(UUID rejectionId, QualityIncident incident) {
        ReplaySender.Outgoing outgoing = new ReplaySender.Outgoing(null);
        outgoing.rejection(rejectionId, incident);
        sender.send(outgoing);
    }

    @Override
    public void incidents(List<QualityIncident> incidents) {
        ReplaySender.Outgoing outgoing = new ReplaySender.Outgoing(null);
        incidents.forEach(outgoing::incident);
        sender.send(outgoing);
    }

    @Override
    public void complete() {
        // Everything was published as it came.
    }

    @Override
    public void flushBeforeFailing(Exception cause) {
        // Nothing waits.
    }

    @Override
    public boolean abort() {
        return true;
    }

    @Override
    public boolean drain(Exception cause) {
        return true;
    }

    @Override
    public ReplaySender sender() {
        return sender;
    }
}
