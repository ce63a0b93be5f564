package dev.peregrine.monitor.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.in.MeasureOutcomes;
import dev.peregrine.monitor.application.port.in.Recording;
import dev.peregrine.monitor.application.port.out.OutcomeEvents;
import dev.peregrine.monitor.application.port.out.OutcomeMetrics;
import dev.peregrine.monitor.application.port.out.OutcomeStore;
import dev.peregrine.monitor.domain.outcome.ForwardReturn;
import dev.peregrine.monitor.domain.outcome.OutcomeCandle;
import dev.peregrine.monitor.domain.outcome.OutcomeFlag;
import dev.peregrine.monitor.domain.outcome.OutcomeMeasurement;
import dev.peregrine.monitor.domain.outcome.PendingOutcome;
import dev.peregrine.monitor.domain.outcome.StoredOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Measures every validated signal at every horizon. Everything it needs is stored first (the pending outcomes when
 * the signal arrives, each candle when it closes), so an outcome is measured from the store alone, whichever of the
 * signal and its candles arrives first, and a restart only has to {@link #recover()}. A measured outcome is stored
 * with its event id, published, then marked published (an outbox): a crash in between re-publishes the same event,
 * never a second measurement.
 *
 * <p>Calls are serialised: signals and candles arrive on different listener threads, and the outbox must not be
 * flushed by two at once.
 */
public final class MeasureOutcomesService implements MeasureOutcomes {

    static final int OUTBOX_BATCH = 500;
    private static final long HOUR_MILLIS = Duration.ofHours(1).toMillis();

    private final OutcomeStore store;
    private final OutcomeEvents events;
    private final OutcomeMetrics metrics;
    private final Clock clock;
    private final IdGenerator ids;
    private final List<Duration> horizons;
    private final ForwardReturn forwardReturn;
    private final Duration candleRetention;
    /** Whether the outbox may hold unpublished outcomes; true at start so that a restart publishes leftovers. */
    private boolean outboxDirty = true;

    /**
     * @param candleRetention how long candles are kept behind the latest one (pending outcomes keep theirs longer);
     *                        must exceed the longest horizon
     */
    public MeasureOutcomesService(
            OutcomeStore store,
            OutcomeEvents events,
            OutcomeMetrics metrics,
            Clock clock,
            IdGenerator ids,
            List<Duration> horizons,
            BigDecimal roundTripCost,
            Duration candleRetention) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.horizons = List.copyOf(horizons);
        if (this.horizons.isEmpty()) {
            throw new IllegalArgumentException("at least one horizon is needed");
        }
        this.forwardReturn = new ForwardReturn(roundTripCost);
        Duration longest = this.horizons.stream().max(Comparator.naturalOrder()).orElseThrow();
        if (candleRetention.compareTo(longest) <= 0) {
            throw new IllegalArgumentException(
                    "candle retention " + candleRetention + " must exceed the longest horizon " + longest);
        }
        this.candleRetention = candleRetention;
    }

    @Override
    public synchronized Recording signalValidated(SignalValidated signal) {
        List<PendingOutcome> pending = PendingOutcome.of(signal, horizons);
        int added = store.savePending(pending);
        if (added > 0 && givenUpAsPruned(pending)) {
            metrics.pending(store.pendingCount());
        } else if (added > 0) {
            // The candles may have run ahead of the signal (another topic): measure what they already allow.
            store.latestCandleOpen(signal.symbol(), signal.interval())
                    .ifPresent(latest -> completeDue(signal.symbol(), signal.interval(), latest));
            metrics.pending(store.pendingCount());
        }
        flushOutbox();
        return added > 0 ? Recording.NEW : Recording.DUPLICATE;
    }

    @Override
    public synchronized CandleRecording candleClosed(CandleClosed closed) {
        OutcomeCandle candle = OutcomeCandle.of(closed);
        Optional<String> problem = candle.problem();
        if (problem.isPresent()) {
            metrics.candleRejected(candle.symbol(), problem.get());
            return CandleRecording.REJECTED;
        }
        boolean stored = store.saveCandle(candle);
        if (completeDue(candle.symbol(), candle.interval(), candle.openTime()) > 0) {
            metrics.pending(store.pendingCount());
        }
        if (stored && candle.openTime().toEpochMilli() % HOUR_MILLIS == 0) {
            prune(candle);
        }
        flushOutbox();
        return stored ? CandleRecording.NEW : CandleRecording.DUPLICATE;
    }

    @Override
    public synchronized int recover() {
        int measured = 0;
        for (OutcomeStore.Series series : store.pendingSeries()) {
            Optional<Instant> latest = store.latestCandleOpen(series.symbol(), series.interval());
            if (latest.isPresent()) {
                measured += completeDue(series.symbol(), series.interval(), latest.get());
            }
        }
        outboxDirty = true;
        flushOutbox();
        metrics.pending(store.pendingCount());
        return measured;
    }

    private int completeDue(Symbol symbol, Interval interval, Instant latestOpen) {
        List<PendingOutcome> due = store.pendingDue(symbol, interval, latestOpen);
        if (due.isEmpty()) {
            return 0;
        }
        Instant from = due.stream()
                .map(PendingOutcome::signalCloseTime)
                .min(Comparator.naturalOrder())
                .orElseThrow()
                .minus(interval.length());
        List<OutcomeCandle> candles = store.candles(symbol, interval, from, latestOpen);
        int measured = 0;
        for (PendingOutcome pending : due) {
            Optional<OutcomeMeasurement> measurement = forwardReturn.measure(pending, candles);
            if (measurement.isPresent()) {
                StoredOutcome outcome = new StoredOutcome(pending, measurement.get(), ids.next(), clock.instant());
                if (store.complete(outcome)) {
                    measured++;
                    outboxDirty = true;
                    metrics.outcomeMeasured(outcome);
                }
            }
        }
        return measured;
    }

    /**
     * A signal that arrives after its series was pruned past its entry candle (the candle listener ran more than the
     * retention ahead) cannot be measured from its own candles: it is given up at once as CANDLES_PRUNED rather than
     * measured from the first candle kept, which would be a wrong entry and exit.
     */
    private boolean givenUpAsPruned(List<PendingOutcome> pending) {
        PendingOutcome first = pending.getFirst();
        Optional<Instant> prunedBefore = store.prunedBefore(first.symbol(), first.interval());
        // The entry candle opens just after the signal's candle closes (Binance: 1 ms later); pruned past it, it is
        // gone.
        Instant entryOpen = first.signalCloseTime().plusMillis(1);
        if (prunedBefore.isEmpty() || !prunedBefore.get().isAfter(entryOpen)) {
            return false;
        }
        for (PendingOutcome outcome : pending) {
            UnmeasurableOutcome given = UnmeasurableOutcome.pruned(outcome, prunedBefore.get(), clock.instant());
            if (store.expire(given)) {
                metrics.outcomeUnmeasurable(given);
            }
        }
        return true;
    }

    /** Keeps the retention window behind this candle, and every candle a pending outcome of its series may need. */
    private void prune(OutcomeCandle candle) {
        Instant cutoff = candle.openTime().minus(candleRetention);
        Optional<Instant> oldest = store.oldestPending(candle.symbol(), candle.interval());
        if (oldest.isPresent()) {
            Instant needed = oldest.get().minus(candle.interval().length());
            cutoff = needed.isBefore(cutoff) ? needed : cutoff;
        }
        store.pruneCandles(candle.symbol(), candle.interval(), cutoff);
    }

    private void flushOutbox() {
        while (outboxDirty) {
            List<StoredOutcome> unpublished = store.unpublished(OUTBOX_BATCH);
            if (!unpublished.isEmpty()) {
                events.publish(
                        unpublished.stream().map(MeasureOutcomesService::event).toList());
                store.markPublished(unpublished, clock.instant());
            }
            outboxDirty = unpublished.size() == OUTBOX_BATCH;
        }
    }

    /**
     * The event of a stored outcome; its time is when the exit became known (the exit candle's close), its cause the
     * signal's event, in the signal's chain.
     */
    static SignalOutcomeMeasured event(StoredOutcome outcome) {
        PendingOutcome p = outcome.pending();
        OutcomeMeasurement m = outcome.measurement();
        Envelope envelope = new Envelope(
                outcome.eventId(),
                Envelope.CURRENT_SCHEMA_VERSION,
                m.exitCandleClose(),
                outcome.measuredAt(),
                p.correlationId(),
                p.signalEventId());
        return new SignalOutcomeMeasured(
                envelope,
                p.signalId(),
                p.strategyId(),
                p.symbol(),
                p.interval(),
                p.side(),
                p.grade(),
                p.strength(),
                p.confidence(),
                p.action(),
                p.tradeable(),
                p.regime(),
                p.horizon(),
                m.entryTime(),
                Price.of(m.entryPrice()),
                m.exitTime(),
                Price.of(m.exitPrice()),
                m.grossReturn(),
                m.roundTripCost(),
                m.netReturn(),
                m.maxFavourableExcursion(),
                m.maxAdverseExcursion(),
                m.hit(),
                m.flags().stream().map(OutcomeFlag::name).toList());
    }
}
