package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.domain.MarketCandle;
import java.time.Instant;
import java.util.Optional;

/** Closed candles per symbol and open time (open, high, low, close): the paper venue's price source. */
public interface MarketCandleStore {

    /** @return true if this (symbol, open time) was new; false if already known (the first one stored wins) */
    boolean record(MarketCandle candle);

    /** The earliest known candle of {@code symbol} opening strictly after {@code after}. */
    Optional<MarketCandle> firstAfter(Symbol symbol, Instant after);

    /**
     * The earliest known candle of {@code symbol} opening at or after {@code from} whose low reaches {@code stop}
     * (low <= stop) or whose high reaches {@code takeProfit} (high >= takeProfit); a null level is never reached.
     */
    Optional<MarketCandle> firstReaching(Symbol symbol, Instant from, Price stop, Price takeProfit);
}
