package dev.peregrine.monitor.application;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.out.OutcomeStore;
import dev.peregrine.monitor.domain.outcome.OutcomeCandle;
import dev.peregrine.monitor.domain.outcome.PendingOutcome;
import dev.peregrine.monitor.domain.outcome.StoredOutcome;
import dev.peregrine.monitor.domain.outcome.UnmeasurableOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** {@link OutcomeStore} in memory, with the same idempotency as the database's keys. */
public class InMemoryOutcomeStore implements OutcomeStore {

    private final Map<Series, Instant> prunedBefore = new HashMap<>();

    record Key(UUID signalId, Duration horizon) {}

    final Map<Key, PendingOutcome> pending = new LinkedHashMap<>();
    final Map<Key, StoredOutcome> measured = new LinkedHashMap<>();
    final Map<Key, Instant> published = new LinkedHashMap<>();
    final Map<Series, TreeMap<Instant, OutcomeCandle>> candles = new LinkedHashMap<>();
    final Map<Key, Instant> received = new LinkedHashMap<>();
    final Map<Key, UnmeasurableOutcome> unmeasurable = new LinkedHashMap<>();
    /** When each series last stored a candle, on {@link #clock}. */
    final Map<Series, Instant> lastCandleRecorded = new LinkedHashMap<>();
    /** The time rows are stored at, like the database's {@code received_at} and {@code recorded_at}. */
    Clock clock = Clock.systemUTC();

    @Override
    public int savePending(List<PendingOutcome> outcomes) {
        int added = 0;
        for (PendingOutcome p : outcomes) {
            Key key = new Key(p.signalId(), p.horizon());
            if (!pending.containsKey(key) && !measured.containsKey(key) && !unmeasurable.containsKey(key)) {
                pending.put(key, p);
                received.put(key, clock.instant());
                added++;
            }
        }
        return added;
    }

    @Override
    public boolean saveCandle(OutcomeCandle candle) {
        lastCandleRecorded.put(new Series(candle.symbol(), candle.interval()), clock.instant());
        return candles.computeIfAbsent(new Series(candle.symbol(), candle.interval()), s -> new TreeMap<>())
                        .putIfAbsent(candle.openTime(), candle)
                == null;
    }

    @Override
    public Optional<Instant> latestCandleOpen(Symbol symbol, Interval interval) {
        TreeMap<Instant, OutcomeCandle> series = candles.get(new Series(symbol, interval));
        return series == null || series.isEmpty() ? Optional.empty() : Optional.of(series.lastKey());
    }

    @Override
    public List<OutcomeCandle> candles(Symbol symbol, Interval interval, Instant fromOpen, Instant toOpen) {
        TreeMap<Instant, OutcomeCandle> series = candles.get(new Series(symbol, interval));
        return series == null
                ? List.of()
                : List.copyOf(series.subMap(fromOpen, true, toOpen, true).values());
    }

    @Override
    public List<PendingOutcome> pendingDue(Symbol symbol, Interval interval, Instant latestOpen) {
        return pending.values().stream()
                .filter(p -> p.symbol().equals(symbol)
                        && p.interval() == interval
                        && !p.earliestExit().isAfter(latestOpen))
                .toList();
    }

    @Override
    public List<Series> pendingSeries() {
        return pending.values().stream()
                .map(p -> new Series(p.symbol(), p.interval()))
                .distinct()
                .toList();
    }

    @Override
    public Optional<Instant> oldestPending(Symbol symbol, Interval interval) {
        return pending.values().stream()
                .filter(p -> p.symbol().equals(symbol) && p.interval() == interval)
                .map(PendingOutcome::signalCloseTime)
                .min(Comparator.naturalOrder());
    }

    @Override
    public long pendingCount() {
        return pending.size();
    }

    @Override
    public boolean complete(StoredOutcome outcome) {
        Key key = new Key(outcome.pending().signalId(), outcome.pending().horizon());
        if (pending.remove(key) == null) {
            return false;
        }
        measured.put(key, outcome);
        return true;
    }

    @Override
    public List<StoredOutcome> unpublished(int limit) {
        List<StoredOutcome> result = new ArrayList<>();
        measured.forEach((key, outcome) -> {
            if (!published.containsKey(key) && result.size() < limit) {
                result.add(outcome);
            }
        });
        return result;
    }

    @Override
    public void markPublished(List<StoredOutcome> outcomes, Instant publishedAt) {
        outcomes.forEach(o -> published.putIfAbsent(
                new Key(o.pending().signalId(), o.pending().horizon()), publishedAt));
    }

    @Override
    public List<PendingOutcome> overdue(Duration after, Instant now, int limit) {
        return pending.entrySet().stream()
                .filter(e -> !received.get(e.getKey()).isAfter(now.minus(after)))
                .filter(e -> {
                    Instant recorded = lastCandleRecorded.get(
                            new Series(e.getValue().symbol(), e.getValue().interval()));
                    return recorded == null
                            || recorded.isBefore(received.get(e.getKey()).plus(after));
                })
                .map(Map.Entry::getValue)
                .limit(limit)
                .toList();
    }

    @Override
    public boolean expire(UnmeasurableOutcome outcome) {
        Key key = new Key(outcome.pending().signalId(), outcome.pending().horizon());
        if (pending.remove(key) == null) {
            return false;
        }
        unmeasurable.put(key, outcome);
        return true;
    }

    @Override
    public int pruneCandles(Symbol symbol, Interval interval, Instant before) {
        prunedBefore.merge(new Series(symbol, interval), before, (a, b) -> a.isAfter(b) ? a : b);
        TreeMap<Instant, OutcomeCandle> series = candles.get(new Series(symbol, interval));
        if (series == null) {
            return 0;
        }
        var head = series.headMap(before, false);
        int removed = head.size();
        head.clear();
        return removed;
    }

    @Override
    public Optional<Instant> prunedBefore(Symbol symbol, Interval interval) {
        return Optional.ofNullable(prunedBefore.get(new Series(symbol, interval)));
    }
}
