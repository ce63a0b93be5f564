package dev.peregrine.monitor.application.port.out;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.domain.outcome.OutcomeCandle;
import dev.peregrine.monitor.domain.outcome.PendingOutcome;
import dev.peregrine.monitor.domain.outcome.StoredOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable outcomes: pending ones (one per signal and horizon), the candles they are measured from, and measured ones
 * with their publication state (an outbox).
 */
public interface OutcomeStore {

    /** A symbol and interval with at least one pending outcome. */
    record Series(Symbol symbol, Interval interval) {}

    /** Stores those not yet known by (signal id, horizon); returns how many were new. */
    int savePending(List<PendingOutcome> pending);

    /** Stores the candle unless one of its symbol, interval and open time is known; true when stored now. */
    boolean saveCandle(OutcomeCandle candle);

    /** Open time of the latest stored candle of the series. */
    Optional<Instant> latestCandleOpen(Symbol symbol, Interval interval);

    /** Stored candles of the series opening from {@code fromOpen} to {@code toOpen}, both included, by open time. */
    List<OutcomeCandle> candles(Symbol symbol, Interval interval, Instant fromOpen, Instant toOpen);

    /** Pending outcomes of the series whose {@link PendingOutcome#earliestExit()} is at or before {@code latestOpen}. */
    List<PendingOutcome> pendingDue(Symbol symbol, Interval interval, Instant latestOpen);

    /** Every series with a pending outcome. */
    List<Series> pendingSeries();

    /** Signal close time of the oldest pending outcome of the series. */
    Optional<Instant> oldestPending(Symbol symbol, Interval interval);

    long pendingCount();

    /** Marks the pending outcome measured, unless it is measured already; true when it was measured now. */
    boolean complete(StoredOutcome outcome);

    /** Measured outcomes not yet marked published, oldest first, at most {@code limit}. */
    List<StoredOutcome> unpublished(int limit);

    void markPublished(List<StoredOutcome> outcomes, Instant publishedAt);

    /**
     * Pending outcomes stored at or before {@code now - after} whose series has stored no candle since their deadline
     * (stored time + {@code after}): while candles still arrive, an outcome is measured, not given up. Oldest first,
     * at most {@code limit}.
     */
    List<PendingOutcome> overdue(Duration after, Instant now, int limit);

    /** Marks the pending outcome UNMEASURABLE, unless it is no longer pending; true when it was given up now. */
    boolean expire(UnmeasurableOutcome outcome);

    /**
     * Deletes the series' candles opening before {@code before} and remembers that nothing before it is kept (the
     * latest such bound of the series, {@link #prunedBefore}); returns how many candles were deleted.
     */
    int pruneCandles(Symbol symbol, Interval interval, Instant before);

    /** The latest bound the series was pruned before: no candle opening earlier is kept. Empty if never pruned. */
    Optional<Instant> prunedBefore(Symbol symbol, Interval interval);
}
