package dev.peregrine.signal.domain.indicator;

import dev.peregrine.signal.domain.bar.Bar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthetic bars for unit tests. */
final class TestBars {

    static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    private TestBars() {}

    static Bar bar(
            Instant openTime, Duration interval, double open, double high, double low, double close, double volume) {
        return new Bar(
                openTime,
                openTime.plus(interval).minusMillis(1),
                decimal(open),
                decimal(high),
                decimal(low),
                decimal(close),
                decimal(volume),
                decimal(volume * close),
                decimal(volume / 2),
                List.of());
    }

    /**
     * {@code count} consecutive 15-minute bars of a trending, oscillating price (no two equal steps) with
     * varying volume, starting at {@code firstOpen}.
     */
    static List<Bar> wave(Instant firstOpen, int count) {
        List<Bar> bars = new ArrayList<>(count);
        double previous = 100;
        for (int i = 0; i < count; i++) {
            double close = 100 + 0.05 * i + 6 * Math.sin(i / 5.0) + 1.5 * Math.cos(i * 1.3);
            double high = Math.max(previous, close) + 0.4 + 0.3 * Math.abs(Math.sin(i * 0.7));
            double low = Math.min(previous, close) - 0.4 - 0.2 * Math.abs(Math.cos(i * 0.9));
            double volume = 50 + 30 * Math.abs(Math.sin(i / 3.0)) + (i % 17 == 0 ? 200 : 0);
            bars.add(bar(
                    firstOpen.plus(FIFTEEN_MINUTES.multipliedBy(i)),
                    FIFTEEN_MINUTES,
                    previous,
                    high,
                    low,
                    close,
                    volume));
            previous = close;
        }
        return bars;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_EVEN);
    }
}
