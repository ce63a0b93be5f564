package dev.peregrine.signal.domain.pattern;

import java.time.Instant;
import java.util.Objects;

/**
 * The part of a closed candle the pattern detectors need. Deliberately separate from the strategy's
 * {@code Bar} so pattern detection does not follow that record's changes; prices are {@code double}
 * because every use here is geometry (lines, tolerances), never an amount that is booked.
 */
public record PatternBar(Instant openTime, double high, double low, double close, double volume) {

    public PatternBar {
        Objects.requireNonNull(openTime, "openTime");
        if (!(Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close) && Double.isFinite(volume))) {
            throw new IllegalArgumentException("bar prices and volume must be finite numbers at " + openTime);
        }
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low + " at " + openTime);
        }
        if (close < low || close > high) {
            throw new IllegalArgumentException(
                    "close " + close + " is outside [" + low + ", " + high + "] at " + openTime);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("volume must not be negative: " + volume + " at " + openTime);
        }
    }
}
