package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.domain.MarketOpen;

import java.time.Instant;
import java.util.Optional;

/** Candle opens per symbol and open time, the paper venue's price source. */
public interface MarketOpenStore {

    /** @return true if this (symbol, open time) was new; false if already known (the first one stored wins) */
    boolean record(MarketOpen open);

    /** The earliest known open of {@code symbol} strictly after {@code after}. */
    Optional<MarketOpen> firstAfter(Symbol symbol, Instant after);
}
