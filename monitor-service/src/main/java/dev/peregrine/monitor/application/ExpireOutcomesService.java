package dev.peregrine.monitor.application;

import dev.peregrine.monitor.application.port.in.ExpireOutcomes;
import dev.peregrine.monitor.application.port.out.OutcomeMetrics;
import dev.peregrine.monitor.application.port.out.OutcomeStore;
import dev.peregrine.monitor.domain.outcome.PendingOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives up pending outcomes whose candles never came: once {@code after} has passed since an outcome was stored and
 * its series has stored no candle since that deadline, the outcome is marked UNMEASURABLE with the reason. A series
 * still delivering candles always completes its outcomes (a gap moves the exit, never cancels it), so only a series
 * that stopped, or never started, is given up. Everything is in the store, so a restart loses nothing; only a
 * still-pending row is given up, so a measurement racing with the deadline wins or loses cleanly.
 */
public final class ExpireOutcomesService implements ExpireOutcomes {

    static final int BATCH = 500;

    private final OutcomeStore store;
    private final OutcomeMetrics metrics;
    private final Clock clock;
    private final Duration after;

    public ExpireOutcomesService(OutcomeStore store, OutcomeMetrics metrics, Clock clock, Duration after) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.after = Objects.requireNonNull(after, "after");
        if (!after.isPositive()) {
            throw new IllegalArgumentException("the deadline must be positive: " + after);
        }
    }

    @Override
    public synchronized int expireOverdue() {
        Instant now = clock.instant();
        Map<OutcomeStore.Series, Optional<Instant>> latest = new HashMap<>();
        int expired = 0;
        List<PendingOutcome> overdue;
        int before;
        do {
            before = expired;
            overdue = store.overdue(after, now, BATCH);
            for (PendingOutcome pending : overdue) {
                Optional<Instant> latestOpen = latest.computeIfAbsent(
                        new OutcomeStore.Series(pending.symbol(), pending.interval()),
                        series -> store.latestCandleOpen(series.symbol(), series.interval()));
                UnmeasurableOutcome outcome = UnmeasurableOutcome.expire(pending, latestOpen, after, now);
                if (store.expire(outcome)) {
                    expired++;
                    metrics.outcomeUnmeasurable(outcome);
                }
            }
        } while (overdue.size() == BATCH && expired > before);
        if (expired > 0) {
            metrics.pending(store.pendingCount());
        }
        return expired;
    }
}
