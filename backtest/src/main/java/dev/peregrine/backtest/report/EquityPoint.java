package dev.peregrine.backtest.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The portfolio's value (cash plus open positions at the candle's close) after a candle closed. */
public record EquityPoint(Instant time, BigDecimal equity) {

    public EquityPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(equity, "equity");
    }
}
