package dev.peregrine.ingest.domain;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import java.util.Objects;

/** One symbol's candles of one interval: the unit within which order, gaps and duplicates are judged. */
public record Series(Symbol symbol, Interval interval) {

    public Series {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
    }

    @Override
    public String toString() {
        return symbol + "-" + interval;
    }
}
