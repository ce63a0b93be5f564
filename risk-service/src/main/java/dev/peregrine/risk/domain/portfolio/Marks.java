package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The portfolio's mark per symbol, and the choice of which to drop when bounded. Which marks go depends only on
 * the marks (their close times) and the symbols in use, so a restored portfolio drops exactly what the original
 * would have. Not thread-safe, like the portfolio.
 */
final class Marks {

    private static final Comparator<Map.Entry<Symbol, Mark>> OLDEST_FIRST = Comparator.comparing(
                    (Map.Entry<Symbol, Mark> e) -> e.getValue().at())
            .thenComparing(Map.Entry::getKey);

    private final TreeMap<Symbol, Mark> bySymbol = new TreeMap<>();

    /** The asset's symbol against the quote asset (BNB → BNBUSDT); empty when that is no valid symbol. */
    static Optional<Symbol> pairOf(String asset, String quoteAsset) {
        try {
            return Optional.of(Symbol.of(asset + quoteAsset));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<Mark> get(Symbol symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** A fill's price until a candle gives a close. */
    void setIfAbsent(Symbol symbol, Mark mark) {
        bySymbol.putIfAbsent(symbol, mark);
    }

    /** A close: replaces a mark of the same or an earlier close time; an earlier close is ignored. */
    void update(Symbol symbol, Mark mark) {
        Mark current = bySymbol.get(symbol);
        if (current == null || !mark.at().isBefore(current.at())) {
            bySymbol.put(symbol, mark);
        }
    }

    void putAll(Map<Symbol, Mark> marks) {
        bySymbol.putAll(marks);
    }

    SortedMap<Symbol, Mark> copy() {
        return new TreeMap<>(bySymbol);
    }

    /**
     * Drops the marks older than {@code bounds.idleAfter()} before {@code now}, then, while more than
     * {@code bounds.maxMarks()} remain, the oldest (ties by symbol); never the mark of a symbol in {@code inUse}.
     */
    List<DroppedMark> drop(MarkBounds bounds, Set<Symbol> inUse, Instant now) {
        List<DroppedMark> dropped = new ArrayList<>();
        Instant idleBefore = now.minus(bounds.idleAfter());
        bySymbol.forEach((symbol, mark) -> {
            if (!inUse.contains(symbol) && mark.at().isBefore(idleBefore)) {
                dropped.add(new DroppedMark(symbol, mark, DroppedMark.Why.IDLE));
            }
        });
        dropped.forEach(d -> bySymbol.remove(d.symbol()));
        int excess = bySymbol.size() - bounds.maxMarks();
        if (excess > 0) {
            List<DroppedMark> oldest = bySymbol.entrySet().stream()
                    .filter(e -> !inUse.contains(e.getKey()))
                    .sorted(OLDEST_FIRST)
                    .limit(excess)
                    .map(e -> new DroppedMark(e.getKey(), e.getValue(), DroppedMark.Why.CAPACITY))
                    .toList();
            oldest.forEach(d -> bySymbol.remove(d.symbol()));
            dropped.addAll(oldest);
        }
        return dropped;
    }
}
