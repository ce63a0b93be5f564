package dev.peregrine.risk.domain.correlation;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The last close of each UTC day per symbol, which is all the daily correlation needs from candles of any interval.
 *
 * <p>A candle counts for the UTC day its close time falls in (Binance close times are inclusive, like
 * {@code 23:59:59.999}); of several candles of a day the one with the latest close time wins whatever the order
 * they arrive in, and an equal close time replaces (a corrected candle). Memory is bounded: only the days from the
 * latest day seen (over all symbols) back {@code lookbackDays} days are kept, that is {@code lookbackDays + 1}
 * closes per symbol; older candles are ignored and symbols without a kept day are forgotten. The number of symbols
 * is bounded by {@link #dropBeyond(int, Set)}, which its caller applies. Without that cut the state kept depends
 * only on the set of candles fed, not on their order (save two candles with the same close time: the later fed
 * wins); with it, on their order too. Prices that are not positive and finite are ignored.
 *
 * <p>Methods are synchronized so candle consumers and the daily computation may share an instance; the latter
 * reads an immutable {@link #snapshot()}.
 */
public final class DailyCloses {

    private record DayClose(Instant closeTime, double close) {}

    private final int lookbackDays;
    private final Map<Symbol, TreeMap<LocalDate, DayClose>> bySymbol = new HashMap<>();
    private LocalDate latestDay;

    /** @param lookbackDays number of daily returns wanted; {@code lookbackDays + 1} closes are kept (at least 2 returns) */
    public DailyCloses(int lookbackDays) {
        if (lookbackDays < 2 || lookbackDays > CorrelationGroupsPolicy.MAX_LOOKBACK_DAYS) {
            throw new IllegalArgumentException("lookbackDays must be within [2, "
                    + CorrelationGroupsPolicy.MAX_LOOKBACK_DAYS + "]: " + lookbackDays);
        }
        this.lookbackDays = lookbackDays;
    }

    /** Sized for the policy's lookback. */
    public static DailyCloses forPolicy(CorrelationGroupsPolicy policy) {
        return new DailyCloses(policy.lookbackDays());
    }

    /**
     * Feeds one closed candle.
     *
     * @return whether it was kept; false when the price is not positive and finite, the day is older than the kept
     *         window, or a candle closing later that day is already kept
     */
    public boolean record(Symbol symbol, Instant closeTime, BigDecimal close) {
        Objects.requireNonNull(close, "close");
        return close.signum() > 0 && record(symbol, closeTime, close.doubleValue());
    }

    /** As {@link #record(Symbol, Instant, BigDecimal)}. */
    public synchronized boolean record(Symbol symbol, Instant closeTime, double close) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(closeTime, "closeTime");
        if (!Double.isFinite(close) || close <= 0) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(closeTime, ZoneOffset.UTC);
        if (latestDay != null && day.isBefore(oldestKeptDay(latestDay))) {
            return false;
        }
        TreeMap<LocalDate, DayClose> days = bySymbol.computeIfAbsent(symbol, s -> new TreeMap<>());
        DayClose kept = days.get(day);
        if (kept != null && closeTime.isBefore(kept.closeTime())) {
            return false;
        }
        days.put(day, new DayClose(closeTime, close));
        if (latestDay == null || day.isAfter(latestDay)) {
            latestDay = day;
            dropDaysBefore(oldestKeptDay(day));
        }
        return true;
    }

    public int lookbackDays() {
        return lookbackDays;
    }

    /** The latest UTC day any candle was kept for. */
    public synchronized Optional<LocalDate> latestDay() {
        return Optional.ofNullable(latestDay);
    }

    /** Symbols with at least one kept close, sorted. */
    public synchronized SortedSet<Symbol> symbols() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(bySymbol.keySet()));
    }

    /** The kept daily closes of one symbol by UTC day; empty for a symbol never seen. */
    public synchronized SortedMap<LocalDate, Double> closes(Symbol symbol) {
        Objects.requireNonNull(symbol, "symbol");
        TreeMap<LocalDate, DayClose> days = bySymbol.get(symbol);
        return days == null ? Collections.emptySortedMap() : closesOf(days);
    }

    /** An immutable copy of all kept closes, symbols sorted, for the daily computation. */
    public synchronized SortedMap<Symbol, SortedMap<LocalDate, Double>> snapshot() {
        SortedMap<Symbol, SortedMap<LocalDate, Double>> copy = new TreeMap<>();
        bySymbol.forEach((symbol, days) -> copy.put(symbol, closesOf(days)));
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * Forgets symbols while more than {@code maxSymbols} are kept: those whose latest kept day is the oldest first,
     * ties by symbol, never one in {@code keep} (which may leave more than {@code maxSymbols}). Whole days, not close
     * times, decide, since stored closes keep only their day: a restored instance drops what the original would.
     *
     * @return the symbols forgotten, in the order they went
     */
    public synchronized List<Symbol> dropBeyond(int maxSymbols, Set<Symbol> keep) {
        Objects.requireNonNull(keep, "keep");
        int excess = bySymbol.size() - maxSymbols;
        if (excess <= 0) {
            return List.of();
        }
        List<Symbol> dropped = bySymbol.entrySet().stream()
                .filter(e -> !keep.contains(e.getKey()))
                .sorted(Comparator.comparing((Map.Entry<Symbol, TreeMap<LocalDate, DayClose>> e) ->
                                e.getValue().lastKey())
                        .thenComparing(Map.Entry::getKey))
                .limit(excess)
                .map(Map.Entry::getKey)
                .toList();
        dropped.forEach(bySymbol::remove);
        return dropped;
    }

    private LocalDate oldestKeptDay(LocalDate newestDay) {
        return newestDay.minusDays(lookbackDays);
    }

    private void dropDaysBefore(LocalDate oldest) {
        bySymbol.values().forEach(days -> days.headMap(oldest).clear());
        bySymbol.values().removeIf(TreeMap::isEmpty);
    }

    private static SortedMap<LocalDate, Double> closesOf(TreeMap<LocalDate, DayClose> days) {
        SortedMap<LocalDate, Double> closes = new TreeMap<>();
        days.forEach((day, close) -> closes.put(day, close.close()));
        return Collections.unmodifiableSortedMap(closes);
    }
}
