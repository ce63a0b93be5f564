package dev.peregrine.backtest.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The account after one candle time (every symbol's candle closing then has been processed), from risk-service's
 * book, marked to the latest closes.
 *
 * @param cash          quote asset held, before reservations
 * @param positionValue every open position at its mark
 * @param equity        cash + position value (+ any other asset at its mark)
 * @param drawdown      (high-water mark - equity) / high-water mark, 0..1
 */
public record EquityPoint(
        Instant time, BigDecimal cash, BigDecimal positionValue, BigDecimal equity, BigDecimal drawdown) {

    public EquityPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(positionValue, "positionValue");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(drawdown, "drawdown");
    }
}
