package dev.peregrine.signal.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.port.in.EvaluateClosedCandle;
import dev.peregrine.signal.application.port.out.CandleStore;
import dev.peregrine.signal.application.port.out.EvaluatedCandle;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.application.port.out.SignalPublisher;
import dev.peregrine.signal.application.port.out.SignalRecord;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.domain.CandleAssessment;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.BarUpdate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyst pipeline, once per closed candle of each (symbol, interval) series, run by the {@link SignalChain}
 * (the same chain the offline tools run):
 * <ol>
 *   <li>the series' state (indicators, patterns, features, regime) moves by the candle in O(1); a duplicate or
 *       older candle moves nothing and is counted;</li>
 *   <li>the chain judges it: five opinions, weights = regime weight x the registry's runtime weight (paused
 *       analysts do not vote), consensus, debate and verdict, one validation per directional opinion (active or
 *       paused), each with its signal id (derived from analyst, symbol, interval and candle open time);</li>
 *   <li>the candle's debate and validations are stored (one transaction), then published, one
 *       {@code SignalValidated} per candidate (strategy id = analyst id), then the candle itself is stored.</li>
 * </ol>
 *
 * <h2>Restart</h2>
 * A series this process has not seen yet is rebuilt, on its first candle, from its last {@code rebuildBars}
 * stored candles, fed through a fresh series of the chain without judging them (their signals were published
 * when they were live). The candle is stored only after its signals are published, so the stored candles are a
 * record of completed work: after a crash before that point the redelivered candle is judged again on the
 * rebuilt state and gives the same signals (same ids); after it, the redelivered candle is a duplicate and is
 * ignored. With at most {@code rebuildBars} candles of history the rebuilt state is bit-identical to the live
 * one; with more, the indicators with infinite memory (EMAs, Wilder averages, the regime's volatility baseline)
 * start from a later seed, whose effect has decayed by then (the slowest, the 200-bar baseline, keeps about
 * 0.7 % of its seed after 500 bars).
 *
 * <p>A candle carrying data-quality flags still moves the series (it stays continuous); its signals are recorded
 * but skipped by the validator. Determinism: the same candles and the same registry give the same decisions
 * and the same signal ids; only the events' own ids and processing times differ.
 *
 * <p>At-least-once: the series moves before the signals are stored and published, so if storing or publishing
 * fails, the redelivered candle is a duplicate for the series. The series therefore keeps the output of its last
 * candle, and a duplicate of that candle stores (idempotently) and publishes that same output again, then stores
 * the candle: the retry completes what the first attempt started, with identical ids.
 */
public final class EvaluateClosedCandleService implements EvaluateClosedCandle {

    private static final Logger log = LoggerFactory.getLogger(EvaluateClosedCandleService.class);

    private final SignalChain chain;
    private final CandleStore candles;
    private final SignalValidationStore store;
    private final SignalPublisher publisher;
    private final SignalMetrics metrics;
    private final IdGenerator idGenerator;
    private final Clock clock;
    private final int rebuildBars;
    private final SeriesLimits limits;
    private final Map<SeriesKey, Series> series = new ConcurrentHashMap<>();
    private final AtomicLong evaluations = new AtomicLong();
    private final Object warmthLock = new Object();
    private int warmSeries;
    private int warmingSeries;

    /**
     * How many series' states are held in memory, and when an idle one is dropped. A dropped series costs one rebuild
     * from its stored candles (as after a restart) when its symbol trades again.
     *
     * @param maxSeries at most this many series are held; beyond it the least recently used are dropped
     * @param idleAfter a series without a candle for this long (and for at least three of its intervals) is dropped
     */
    public record SeriesLimits(int maxSeries, Duration idleAfter) {

        public static final SeriesLimits DEFAULTS = new SeriesLimits(5_000, Duration.ofDays(3));

        public SeriesLimits {
            if (maxSeries < 1) {
                throw new IllegalArgumentException("maxSeries must be at least 1: " + maxSeries);
            }
            Objects.requireNonNull(idleAfter, "idleAfter");
            if (idleAfter.isNegative() || idleAfter.isZero()) {
                throw new IllegalArgumentException("idleAfter must be positive: " + idleAfter);
            }
        }
    }

    /** Every how many evaluations the idle series are looked for: often enough, and never a cost per candle. */
    static final int IDLE_SWEEP_EVERY = 1_024;

    public EvaluateClosedCandleService(
            SignalChain chain,
            CandleStore candles,
            SignalValidationStore store,
            SignalPublisher publisher,
            SignalMetrics metrics,
            IdGenerator idGenerator,
            Clock clock,
            int rebuildBars) {
        this(chain, candles, store, publisher, metrics, idGenerator, clock, rebuildBars, SeriesLimits.DEFAULTS);
    }

    public EvaluateClosedCandleService(
            SignalChain chain,
            CandleStore candles,
            SignalValidationStore store,
            SignalPublisher publisher,
            SignalMetrics metrics,
            IdGenerator idGenerator,
            Clock clock,
            int rebuildBars,
            SeriesLimits limits) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.candles = Objects.requireNonNull(candles, "candles");
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (rebuildBars < 0) {
            throw new IllegalArgumentException("rebuildBars must not be negative: " + rebuildBars);
        }
        this.rebuildBars = rebuildBars;
        this.limits = Objects.requireNonNull(limits, "limits");
        metrics.seriesWarmth(0, 0);
    }

    @Override
    public List<SignalValidated> evaluate(CandleClosed candle) {
        Objects.requireNonNull(candle, "candle");
        Series current = seriesOf(candle.symbol(), candle.interval());
        long started = System.nanoTime();
        // One partition feeds a series, so this lock is uncontended; it only guards against a rebalance
        // handing the series to another listener thread while the previous one is still on it.
        List<SignalValidated> signals;
        synchronized (current) {
            current.lastUsed = clock.instant();
            signals = evaluate(current, candle);
            metrics.evaluationLatency(Duration.ofNanos(System.nanoTime() - started));
        }
        if (series.size() > limits.maxSeries() || evaluations.incrementAndGet() % IDLE_SWEEP_EVERY == 0) {
            evict();
        }
        return signals;
    }

    /** Number of series whose state is held in memory. */
    public int heldSeries() {
        return series.size();
    }

    /**
     * Drops the idle series, then the least recently used beyond the bound. Each is dropped under its own lock, so
     * never while one of its candles is being judged and stored: the next candle's rebuild reads every completed one.
     */
    synchronized void evict() {
        Instant now = clock.instant();
        for (Map.Entry<SeriesKey, Series> entry : series.entrySet()) {
            Duration interval = entry.getKey().interval.length().multipliedBy(3);
            Instant idleSince = now.minus(interval.compareTo(limits.idleAfter()) > 0 ? interval : limits.idleAfter());
            drop(entry.getKey(), entry.getValue(), "idle", s -> s.lastUsed.isBefore(idleSince));
        }
        int excess = series.size() - limits.maxSeries();
        if (excess > 0) {
            series.entrySet().stream()
                    .sorted(Comparator.comparing(entry -> entry.getValue().lastUsed))
                    .limit(excess)
                    .toList()
                    .forEach(entry -> drop(entry.getKey(), entry.getValue(), "capacity", s -> true));
        }
    }

    private void drop(SeriesKey key, Series candidate, String reason, Predicate<Series> stillDue) {
        synchronized (candidate) {
            if (stillDue.test(candidate) && series.remove(key, candidate)) {
                warmthChanged(candidate.warm ? 0 : -1, candidate.warm ? -1 : 0);
                metrics.seriesEvicted(reason);
                log.info(
                        "Dropped series {} {} from memory ({}); its next candle rebuilds it from stored candles",
                        key.symbol,
                        key.interval,
                        reason);
            }
        }
    }

    private List<SignalValidated> evaluate(Series current, CandleClosed candle) {
        SignalChain.Step step = current.chain.next(SignalChain.barOf(candle));
        return switch (step) {
            case SignalChain.Step.Ignored ignored -> ignore(current, candle, ignored.reason());
            case SignalChain.Step.Judged judged -> judge(current, candle, judged);
        };
    }

    private List<SignalValidated> ignore(Series current, CandleClosed candle, BarUpdate reason) {
        metrics.candleIgnored(reason.name().toLowerCase(Locale.ROOT));
        Output last = current.lastOutput;
        if (reason == BarUpdate.DUPLICATE
                && last != null
                && last.candle.openTime().equals(candle.openTime())) {
            log.debug(
                    "Candle {} {} {} is a duplicate of the last one: completing its {} signal(s)",
                    candle.symbol(),
                    candle.interval(),
                    candle.openTime(),
                    last.signals().size());
            complete(last);
            return last.signals();
        }
        log.debug(
                "Ignoring {} candle {} {} {} (last applied opened {})",
                reason,
                candle.symbol(),
                candle.interval(),
                candle.openTime(),
                current.chain.lastOpenTime());
        return List.of();
    }

    private List<SignalValidated> judge(Series current, CandleClosed candle, SignalChain.Step.Judged judged) {
        if (judged.warm() && !current.warm) {
            current.warm = true;
            warmthChanged(-1, +1);
        }
        if (!judged.hasCandidates()) {
            current.lastOutput = new Output(candle, null);
            complete(current.lastOutput);
            return List.of();
        }
        CandleAssessment assessment = judged.assessment();
        Instant now = clock.instant();
        List<SignalRecord> records = new ArrayList<>(judged.signals().size());
        for (SignalChain.ValidatedSignal signal : judged.signals()) {
            Envelope envelope = Envelope.causedBy(
                    candle.envelope(), idGenerator.next(), candle.envelope().eventTime(), now);
            records.add(
                    new SignalRecord(judged.event(signal, envelope), signal.validation(), signal.seat(), signal.ml()));
        }
        EvaluatedCandle evaluated = new EvaluatedCandle(
                judged.debateId(),
                candle.symbol(),
                candle.interval(),
                candle.openTime(),
                candle.closeTime(),
                assessment,
                judged.context().indicators(),
                candle.envelope().eventId(),
                records,
                now);
        // Counted once per judged candle, before storing: a failed attempt's retry completes it without judging again.
        metrics.debateVerdict(assessment.debate().verdict().decision());
        if (assessment.debate().consensus().conflict()) {
            metrics.consensusConflict();
        }
        for (SignalRecord record : records) {
            SignalValidated signal = record.signal();
            metrics.signalValidated(signal.strategyId(), signal.grade(), signal.action(), signal.strength());
            metrics.mlScored(record.ml().state().name());
        }
        current.lastOutput = new Output(candle, evaluated);
        complete(current.lastOutput);
        return current.lastOutput.signals();
    }

    /** Store, publish, then remember the candle as done: the order a redelivery relies on. */
    private void complete(Output output) {
        if (output.evaluated != null) {
            store.save(output.evaluated);
            publisher.publishAll(output.signals());
        }
        candles.save(output.candle);
    }

    private Series seriesOf(Symbol symbol, Interval interval) {
        SeriesKey key = new SeriesKey(symbol, interval);
        Series existing = series.get(key);
        if (existing != null) {
            return existing;
        }
        // Built outside the map: a rebuild reads the database, which must not block other series' map bins.
        Series rebuilt = rebuild(key);
        Series winner = series.putIfAbsent(key, rebuilt);
        if (winner != null) {
            return winner;
        }
        warmthChanged(rebuilt.warm ? 0 : 1, rebuilt.warm ? 1 : 0);
        return rebuilt;
    }

    private Series rebuild(SeriesKey key) {
        long started = System.nanoTime();
        SignalChain.Series state = chain.newSeries(key.symbol, key.interval);
        List<Bar> history = rebuildBars == 0 ? List.of() : candles.latest(key.symbol, key.interval, rebuildBars);
        for (Bar bar : history) {
            // Their signals went out when these candles were live: rebuilding only moves the series.
            state.replay(bar);
        }
        boolean warm = state.warm();
        if (!history.isEmpty()) {
            metrics.seriesRebuilt(history.size());
            log.info(
                    "Rebuilt series {} {} from {} stored candles ({} to {}) in {} ms; warm: {}",
                    key.symbol,
                    key.interval,
                    history.size(),
                    history.getFirst().openTime(),
                    history.getLast().openTime(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    warm);
        }
        Series rebuilt = new Series(state);
        rebuilt.warm = warm;
        return rebuilt;
    }

    private void warmthChanged(int warmingDelta, int warmDelta) {
        synchronized (warmthLock) {
            warmingSeries += warmingDelta;
            warmSeries += warmDelta;
            metrics.seriesWarmth(warmSeries, warmingSeries);
        }
    }

    private record SeriesKey(Symbol symbol, Interval interval) {}

    /** What a candle produced; {@code evaluated} is null when no analyst took a side. */
    private record Output(CandleClosed candle, EvaluatedCandle evaluated) {

        List<SignalValidated> signals() {
            return evaluated == null
                    ? List.of()
                    : evaluated.signals().stream().map(SignalRecord::signal).toList();
        }
    }

    private static final class Series {

        private final SignalChain.Series chain;
        /** The output of the series' last applied candle, null before the first one this process judged. */
        private Output lastOutput;

        private boolean warm;
        /** When its last candle arrived, on the service's clock (guarded by the series' lock). */
        private volatile Instant lastUsed = Instant.MIN;

        private Series(SignalChain.Series chain) {
            this.chain = chain;
        }
    }
}
