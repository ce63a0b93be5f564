package dev.peregrine.ingest.application;

import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * A speed-0 replay's pipeline: the replay thread collects its judged lines in batches of up to {@code batchSize}
 * and hands each to the storing thread, which stores its candles in one statement (for a publication of their own)
 * and hands what is to be published to the publishing thread, which publishes and marks it ({@link ReplaySender}).
 * Each is a {@link BatchLane} in file order, and each waits when the next is too far behind (two batches not yet
 * stored, {@code batchesInFlight} stored and not yet done), so memory stays bounded.
 */
final class BatchedReplay implements ReplayOutput {

    /** Batches read and judged but not stored yet: enough for the replay thread to read on while one is stored. */
    static final int STORES_IN_FLIGHT = 2;

    private final CandleStore candles;
    private final IdGenerator ids;
    private final ReplaySender sender;
    private final ReplayTally tally;
    private final int batchSize;
    private final List<Pending> pending = new ArrayList<>();
    /** Stores the batches the replay thread hands over, while it reads and judges the next ones. */
    private final BatchLane storeLane;
    /** Publishes the stored batches while the next ones are stored. */
    private final BatchLane lane;

    /**
     * @param pipeline runs the storing and the publishing as two tasks that last the whole run, at the same time
     */
    BatchedReplay(
            CandleStore candles,
            IdGenerator ids,
            ReplaySender sender,
            ReplayTally tally,
            int batchSize,
            int batchesInFlight,
            Executor pipeline,
            ReplayControl control) {
        this.candles = candles;
        this.ids = ids;
        this.sender = sender;
        this.tally = tally;
        this.batchSize = batchSize;
        this.storeLane = new BatchLane("storing", pipeline, STORES_IN_FLIGHT, control);
        this.lane = new BatchLane("publishing", pipeline, batchesInFlight, control);
    }

    /** A line read whose candle or incident waits for its batch. */
    private sealed interface Pending {}

    /**
     * Not stored yet: the whole batch is stored in one go just before it is published.
     *
     * @param seriesIncidents found when this candle arrived (STALE_STREAM); published with the candle, so that a
     *                        replay that skips the candle as already published skips them too
     */
    private record PendingCandle(NewCandle offered, QualityCheck check, List<QualityIncident> seriesIncidents)
            implements Pending {}

    private record PendingRejection(UUID rejectionId, QualityIncident incident) implements Pending {}

    private record PendingIncident(QualityIncident incident) implements Pending {}

    @Override
    public void candle(
            NewCandle offered, QualityCheck check, List<QualityIncident> seriesIncidents, Duration pauseBefore)
            throws InterruptedException {
        hold(new PendingCandle(offered, check, seriesIncidents));
    }

    @Override
    public void rejection(UUID rejectionId, QualityIncident incident) throws InterruptedException {
        hold(new PendingRejection(rejectionId, incident));
    }

    @Override
    public void incidents(List<QualityIncident> incidents) throws InterruptedException {
        for (QualityIncident incident : incidents) {
            hold(new PendingIncident(incident));
        }
    }

    @Override
    public void complete() throws InterruptedException {
        publishPending();
        // In this order: the storing thread hands its last batches to the publishing thread.
        storeLane.finish();
        lane.submit(sender::completeInFlight);
        lane.finish();
    }

    @Override
    public void flushBeforeFailing(Exception cause) {
        try {
            publishPending();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause.addSuppressed(e);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public boolean abort() {
        // Both, whatever the first says: a lane left running would go on storing or publishing.
        boolean storingEnded = storeLane.abort();
        boolean publishingEnded = lane.abort();
        return storingEnded && publishingEnded;
    }

    @Override
    public boolean drain(Exception cause) {
        return drain(storeLane, cause) & drain(lane, cause);
    }

    @Override
    public ReplaySender sender() {
        return sender;
    }

    private static boolean drain(BatchLane lane, Exception cause) {
        try {
            lane.finish();
            return true;
        } catch (RuntimeException e) {
            if (e != cause) {
                cause.addSuppressed(e);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lane.abort();
        }
    }

    private void hold(Pending line) throws InterruptedException {
        pending.add(line);
        if (pending.size() >= batchSize) {
            publishPending();
        }
    }

    /** Hands the pending batch to the storing thread, waiting if it is too far behind. */
    private void publishPending() throws InterruptedException {
        if (pending.isEmpty()) {
            return;
        }
        // Nothing more is stored once a batch failed: the replay stops.
        lane.throwIfFailed();
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        storeLane.submit(() -> storeAndHandOver(batch));
    }

    /**
     * On the storing thread: stores the batch's candles for a publication of their own and hands what is to be
     * published to the publishing thread, waiting if it is too far behind.
     */
    private void storeAndHandOver(List<Pending> batch) {
        lane.throwIfFailed();
        List<NewCandle> offered = new ArrayList<>(batch.size());
        for (Pending line : batch) {
            if (line instanceof PendingCandle candle) {
                offered.add(candle.offered());
            }
        }
        UUID publication = ids.next();
        List<StoredCandle> stored = offered.isEmpty() ? List.of() : candles.storeAllIfAbsent(offered, publication);
        if (stored.size() != offered.size()) {
            throw new IllegalStateException(
                    "the candle store returned " + stored.size() + " rows for " + offered.size() + " candles");
        }
        Iterator<StoredCandle> storedInOrder = stored.iterator();
        ReplaySender.Outgoing outgoing = new ReplaySender.Outgoing(publication);
        for (Pending line : batch) {
            switch (line) {
                case PendingCandle candle -> {
                    StoredCandle row = storedInOrder.next();
                    if (row.publishedAt().isPresent()) {
                        tally.skipped();
                    } else {
                        outgoing.candle(row, candle.check(), candle.seriesIncidents());
                    }
                }
                case PendingRejection rejection -> outgoing.rejection(rejection.rejectionId(), rejection.incident());
                case PendingIncident incident -> outgoing.incident(incident.incident());
            }
        }
        if (outgoing.isEmpty()) {
            return;
        }
        try {
            lane.submit(() -> sender.send(outgoing));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing a stored batch to the publishing thread", e);
        }
    }
}
