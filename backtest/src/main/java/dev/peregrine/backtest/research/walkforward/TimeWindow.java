package dev.peregrine.backtest.research.walkforward;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open span of market time {@code [from, to)}; a candle belongs to it when its open time does.
 *
 * @param from first instant inside
 * @param to   first instant after
 */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a window must end after it starts: [" + from + ", " + to + ")");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    /** Whether the two spans share at least one instant. */
    public boolean overlaps(TimeWindow other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

    /** Whether {@code other} lies entirely inside this span. */
    public boolean encloses(TimeWindow other) {
        return !other.from.isBefore(from) && !other.to.isAfter(to);
    }

    /** This span stretched by {@code horizon} at its end: where the labels of its samples may reach. */
    public TimeWindow extendedBy(Duration horizon) {
        return horizon.isZero() ? this : new TimeWindow(from, to.plus(horizon));
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
