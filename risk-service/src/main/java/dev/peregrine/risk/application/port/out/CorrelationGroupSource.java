package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/** The correlation group of each symbol, from the rolling correlation of daily returns (configured groups win). */
public interface CorrelationGroupSource {

    String groupOf(Symbol symbol);

    /**
     * A closed candle of any interval: feeds the daily closes; the groups are recomputed once a UTC day. The
     * symbols kept are bounded; {@code held} (symbols with a position or an order in flight) are never dropped.
     *
     * @return the symbols whose daily closes were dropped to stay within the bound, oldest first
     */
    List<Symbol> observe(Symbol symbol, Instant closeTime, BigDecimal close, Set<Symbol> held);

    /** Each group's members, for the REST view. */
    Map<String, Set<Symbol>> groups();

    /** The daily closes the groups are computed from, to be stored with the book. */
    SortedMap<Symbol, SortedMap<LocalDate, Double>> closes();

    /** Replaces the daily closes with stored ones and recomputes the groups they gave (a restart). */
    void restore(Map<Symbol, ? extends SortedMap<LocalDate, Double>> closes);
}
