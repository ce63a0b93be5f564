package dev.peregrine.execution.domain;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed candle as the paper venue prices orders on it: the open is what a market order sent before the
 * candle gets, and the range [low, high] is every price traded during it (fills never leave it, and resting
 * stops and take-profits trigger when it reaches them).
 *
 * <p>The range always contains the open and the close: {@link #of} widens a candle whose high or low does not
 * (bad data), so that a fill clamped to the range is never clamped away from the open.
 */
public record MarketCandle(
        Symbol symbol, Interval interval, Instant openTime, Price open, Price high, Price low, Price close) {

    public MarketCandle {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (low.compareTo(open) > 0
                || low.compareTo(close) > 0
                || high.compareTo(open) < 0
                || high.compareTo(close) < 0) {
            throw new IllegalArgumentException("the range [" + low + ", " + high + "] of the " + symbol + " candle at "
                    + openTime + " must contain its open " + open + " and close " + close);
        }
    }

    /** The candle with its range widened, if need be, to contain its open and close. */
    public static MarketCandle of(
            Symbol symbol, Interval interval, Instant openTime, Price open, Price high, Price low, Price close) {
        Price top = max(high, max(open, close));
        Price bottom = min(low, min(open, close));
        return new MarketCandle(symbol, interval, openTime, open, top, bottom, close);
    }

    /** A candle of which only the open is known (stored before the range was kept): its range is the open alone. */
    public static MarketCandle openOnly(Symbol symbol, Interval interval, Instant openTime, Price open) {
        return new MarketCandle(symbol, interval, openTime, open, open, open, open);
    }

    /** {@code price} moved into [low, high]. */
    public Price clamp(Price price) {
        return max(low, min(high, price));
    }

    private static Price max(Price a, Price b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Price min(Price a, Price b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
