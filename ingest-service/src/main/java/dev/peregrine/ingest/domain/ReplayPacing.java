package dev.peregrine.ingest.domain;

import dev.peregrine.common.value.Interval;
import java.time.Duration;

/** How long a replay waits between two candles to run at {@code speed} times real time. */
public final class ReplayPacing {

    private ReplayPacing() {}

    /** {@link Duration#ZERO} for speed 0 (as fast as possible), else interval / speed. */
    public static Duration pauseBetweenCandles(Interval interval, int speed) {
        if (speed < 0) {
            throw new IllegalArgumentException("speed must not be negative: " + speed);
        }
        return speed == 0 ? Duration.ZERO : interval.length().dividedBy(speed);
    }
}
