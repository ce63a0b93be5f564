package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.out.MarketCandleStore;
import dev.peregrine.execution.domain.MarketCandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * execution-service's candle store in memory, with the semantics of {@code JdbcMarketCandleStore}: one candle per
 * (symbol, open time), the first stored wins; {@link #firstAfter} and {@link #firstReaching} answer what its SQL
 * answers. A resting protective leg asks {@link #firstReaching} on every candle with the same levels, so each
 * question remembers how far it was already answered "none" and only looks at candles added since: O(1) per candle
 * instead of a scan of the whole holding period (the database's index does the same job live).
 */
final class MemoryMarketCandles implements MarketCandleStore {

    private static final Comparator<MarketCandle> BY_OPEN = Comparator.comparing(MarketCandle::openTime);

    private final Map<Symbol, List<MarketCandle>> bySymbol = new HashMap<>();
    /** Per question (symbol, from, stop, take-profit): how many candles of the symbol are known not to reach. */
    private final Map<Reach, Integer> notReachedBefore = new HashMap<>();

    private record Reach(Symbol symbol, Instant from, Price stop, Price takeProfit) {}

    @Override
    public boolean record(MarketCandle candle) {
        List<MarketCandle> candles = bySymbol.computeIfAbsent(candle.symbol(), symbol -> new ArrayList<>());
        if (candles.isEmpty() || candles.getLast().openTime().isBefore(candle.openTime())) {
            candles.add(candle);
            return true;
        }
        int at = Collections.binarySearch(candles, candle, BY_OPEN);
        if (at >= 0) {
            return false;
        }
        // An older candle than the newest: the remembered answers may no longer hold.
        candles.add(-at - 1, candle);
        notReachedBefore.keySet().removeIf(reach -> reach.symbol().equals(candle.symbol()));
        return true;
    }

    @Override
    public Optional<MarketCandle> firstAfter(Symbol symbol, Instant after) {
        List<MarketCandle> candles = bySymbol.getOrDefault(symbol, List.of());
        int index = firstIndexFrom(candles, after.plusNanos(1));
        return index < candles.size() ? Optional.of(candles.get(index)) : Optional.empty();
    }

    @Override
    public Optional<MarketCandle> firstReaching(Symbol symbol, Instant from, Price stop, Price takeProfit) {
        if (stop == null && takeProfit == null) {
            return Optional.empty();
        }
        List<MarketCandle> candles = bySymbol.getOrDefault(symbol, List.of());
        Reach reach = new Reach(symbol, from, stop, takeProfit);
        Integer known = notReachedBefore.get(reach);
        int index = known != null ? known : firstIndexFrom(candles, from);
        for (; index < candles.size(); index++) {
            MarketCandle candle = candles.get(index);
            if ((stop != null && candle.low().compareTo(stop) <= 0)
                    || (takeProfit != null && candle.high().compareTo(takeProfit) >= 0)) {
                return Optional.of(candle);
            }
        }
        notReachedBefore.put(reach, index);
        return Optional.empty();
    }

    /** Index of the first candle opening at or after {@code from}; the size when none does. */
    private static int firstIndexFrom(List<MarketCandle> candles, Instant from) {
        int low = 0;
        int high = candles.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (candles.get(middle).openTime().isBefore(from)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
