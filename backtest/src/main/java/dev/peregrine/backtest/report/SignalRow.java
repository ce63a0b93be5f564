package dev.peregrine.backtest.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One validated signal and what risk made of it.
 *
 * @param strategy the analyst that raised it
 * @param taken    whether risk approved it and an order was sent
 */
public record SignalRow(Instant time, String symbol, String strategy, String grade, boolean taken) {

    public SignalRow {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(grade, "grade");
    }
}
