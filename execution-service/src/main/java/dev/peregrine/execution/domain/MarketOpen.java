package dev.peregrine.execution.domain;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;

import java.time.Instant;
import java.util.Objects;

/** The first traded price of a candle: what a market order sent before that candle would have got. */
public record MarketOpen(Symbol symbol, Interval interval, Instant openTime, Price open) {

    public MarketOpen {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(open, "open");
    }
}
