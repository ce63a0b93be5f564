package dev.peregrine.benchmarks.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * What the harness published and what came back, and the latencies between them. The feeder thread records each
 * candle before it is sent ({@link #sent}); the collector thread records what it reads ({@link #primed},
 * {@link #signal}, {@link #intent}) and alone writes the histograms, which are read once it has stopped.
 *
 * <p>Times: {@code System.nanoTime()} for the schedule, the sends and the receipts (one JVM, one clock), in
 * microseconds in the histograms; Kafka record timestamps (milliseconds, the producer's clock at send) for the
 * decomposition by publication, as the first figures were taken.
 */
final class LatencyLedger {

    /** A candle the harness published: when it was due on the schedule, when it was sent, whether it is measured. */
    record Sent(long dueNanos, long sentNanos, long sentEpochMillis, boolean measured) {}

    /** A signal as the harness received it. */
    private record Seen(UUID correlationId, long receivedNanos, long publishedEpochMillis) {}

    /** A measured intent as the harness received it, waiting for the venue's first report on it. */
    private record IntentSeen(Sent candle, long receivedNanos, long publishedEpochMillis) {}

    /** An execution report read before its intent (another topic's partition answered first). */
    private record ReportSeen(long receivedNanos, long publishedEpochMillis) {}

    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Map<UUID, Sent> candles = new ConcurrentHashMap<>();
    private final Set<UUID> primedCandles = ConcurrentHashMap.newKeySet();
    private final Set<UUID> strategyChains = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Seen> signals = new ConcurrentHashMap<>();
    private final Map<UUID, Long> firstSignalByCandle = new ConcurrentHashMap<>();
    private final List<UUID> unresolvedIntents = new ArrayList<>();
    private final Map<String, AtomicLong> decisionsOfOurs = new ConcurrentHashMap<>();
    private final Map<UUID, IntentSeen> intentsAwaitingReport = new ConcurrentHashMap<>();
    private final Map<UUID, ReportSeen> reportsBeforeIntent = new ConcurrentHashMap<>();

    final Histogram intentFromDue = histogram();
    final Histogram intentFromSend = histogram();
    final Histogram candleToSignal = histogram();
    final Histogram signalToIntent = histogram();
    final Histogram publishedCandleToSignal = histogram();
    final Histogram publishedSignalToIntent = histogram();
    final Histogram publishedIntentToReceipt = histogram();
    final Histogram reportFromDue = histogram();
    final Histogram intentToReport = histogram();
    final Histogram publishedIntentToReport = histogram();

    final AtomicLong candlesSent = new AtomicLong();
    final AtomicLong sendFailures = new AtomicLong();
    final AtomicLong signalsOfOurs = new AtomicLong();
    final AtomicLong intentsOfOurs = new AtomicLong();
    final AtomicLong intentsMeasured = new AtomicLong();
    final AtomicLong intentsOfPriming = new AtomicLong();
    final AtomicLong intentsOfStrategyChanges = new AtomicLong();
    final AtomicLong intentsWithoutSignalOfTheirCandle = new AtomicLong();
    final AtomicLong candlesWithIntent = new AtomicLong();
    final AtomicLong reportsMeasured = new AtomicLong();
    private final Set<UUID> candlesWithIntentSeen = ConcurrentHashMap.newKeySet();

    /** Feeder thread, before the send. */
    void sent(UUID candleId, Sent sent) {
        candles.put(candleId, sent);
        candlesSent.incrementAndGet();
    }

    /** Collector thread: a candle on market.candles.v1 that the harness did not publish (ingest's priming replay). */
    void primed(UUID candleId) {
        if (!candles.containsKey(candleId)) {
            primedCandles.add(candleId);
        }
    }

    /**
     * Collector thread: a strategy command or state change (e.g. monitor's auto-pause) with its event and correlation
     * ids. Risk closes a paused strategy's positions with intents correlated to it, not to a candle.
     */
    void strategyChange(UUID eventId, UUID correlationId) {
        strategyChains.add(eventId);
        strategyChains.add(correlationId);
    }

    /** Collector thread: a validated signal, caused by candle {@code correlationId}. */
    void signal(UUID signalId, UUID correlationId, long receivedNanos, long publishedEpochMillis) {
        signals.put(signalId, new Seen(correlationId, receivedNanos, publishedEpochMillis));
        Sent candle = candles.get(correlationId);
        if (candle == null) {
            return;
        }
        signalsOfOurs.incrementAndGet();
        if (firstSignalByCandle.putIfAbsent(correlationId, receivedNanos) == null && candle.measured()) {
            record(candleToSignal, receivedNanos - candle.sentNanos());
            recordMillis(publishedCandleToSignal, publishedEpochMillis - candle.sentEpochMillis());
        }
    }

    /** Collector thread: risk's decision on a signal of candle {@code correlationId}, e.g. "denied MAX_OPEN_POSITIONS". */
    void decision(UUID correlationId, String outcome) {
        if (candles.containsKey(correlationId)) {
            decisionsOfOurs.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Risk's decisions on signals of the harness's candles, by outcome and first reason. */
    Map<String, Long> decisions() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        decisionsOfOurs.forEach((outcome, count) -> counts.put(outcome, count.get()));
        return counts;
    }

    /** Collector thread: an order intent for signal {@code signalId}, in the chain of candle {@code correlationId}. */
    void intent(
            UUID intentId,
            UUID signalId,
            UUID correlationId,
            long receivedNanos,
            long publishedEpochMillis,
            long receivedEpochMillis) {
        Sent candle = candles.get(correlationId);
        if (candle == null) {
            if (primedCandles.contains(correlationId)) {
                intentsOfPriming.incrementAndGet();
            } else if (strategyChains.contains(correlationId)) {
                intentsOfStrategyChanges.incrementAndGet();
            } else {
                unresolvedIntents.add(correlationId);
            }
            return;
        }
        intentsOfOurs.incrementAndGet();
        if (candlesWithIntentSeen.add(correlationId)) {
            candlesWithIntent.incrementAndGet();
        }
        if (!candle.measured()) {
            return;
        }
        intentsMeasured.incrementAndGet();
        record(intentFromDue, receivedNanos - candle.dueNanos());
        IntentSeen seen = new IntentSeen(candle, receivedNanos, publishedEpochMillis);
        ReportSeen earlier = reportsBeforeIntent.remove(intentId);
        if (earlier != null) {
            reported(seen, earlier);
        } else {
            intentsAwaitingReport.put(intentId, seen);
        }
        record(intentFromSend, receivedNanos - candle.sentNanos());
        recordMillis(publishedIntentToReceipt, receivedEpochMillis - publishedEpochMillis);
        Seen signal = signals.get(signalId);
        if (signal == null || !signal.correlationId().equals(correlationId)) {
            // e.g. an exit for the holding time, or a signal read after its intent: no signal stage to split off.
            intentsWithoutSignalOfTheirCandle.incrementAndGet();
            return;
        }
        record(signalToIntent, receivedNanos - signal.receivedNanos());
        recordMillis(publishedSignalToIntent, publishedEpochMillis - signal.publishedEpochMillis());
    }

    /**
     * Collector thread: an execution report on {@code intentId} (the venue accepted, filled or rejected it). The first
     * one of a measured intent ends its chain: the venue's acknowledgement.
     */
    void report(UUID intentId, long receivedNanos, long publishedEpochMillis) {
        IntentSeen intent = intentsAwaitingReport.remove(intentId);
        if (intent != null) {
            reported(intent, new ReportSeen(receivedNanos, publishedEpochMillis));
        } else {
            reportsBeforeIntent.putIfAbsent(intentId, new ReportSeen(receivedNanos, publishedEpochMillis));
        }
    }

    private void reported(IntentSeen intent, ReportSeen report) {
        reportsMeasured.incrementAndGet();
        record(reportFromDue, report.receivedNanos() - intent.candle().dueNanos());
        record(intentToReport, report.receivedNanos() - intent.receivedNanos());
        recordMillis(publishedIntentToReport, report.publishedEpochMillis() - intent.publishedEpochMillis());
    }

    /**
     * After the collector stopped: intents whose candle (or strategy change) was read after them are resolved now; what
     * is left matches no candle on market.candles.v1 and no strategy change at all.
     */
    long unmatchedIntents() {
        return unresolvedIntents.stream()
                .filter(id -> !primedCandles.contains(id) && !candles.containsKey(id) && !strategyChains.contains(id))
                .count();
    }

    long primedCandles() {
        return primedCandles.size();
    }

    private static Histogram histogram() {
        return new Histogram(1, HIGHEST_MICROS, 3);
    }

    private static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.clamp(TimeUnit.NANOSECONDS.toMicros(nanos), 0, HIGHEST_MICROS));
    }

    private static void recordMillis(Histogram histogram, long millis) {
        histogram.recordValue(Math.clamp(TimeUnit.MILLISECONDS.toMicros(millis), 0, HIGHEST_MICROS));
    }
}
