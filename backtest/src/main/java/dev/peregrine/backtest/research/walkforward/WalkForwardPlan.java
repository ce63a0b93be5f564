package dev.peregrine.backtest.research.walkforward;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of a walk-forward run. Between a training window and its test window lies a gap of
 * {@code labelHorizon + embargo}: the horizon purges training samples whose labels would read test candles, the
 * embargo adds room for serial correlation. Test windows follow each other without gaps or overlaps.
 *
 * @param trainLength  length of each training window (of the first one when anchored)
 * @param testLength   length of each test window and the step between folds
 * @param labelHorizon how far past a sample its outcome label reads (e.g. 16 candles of 15m = 4h)
 * @param embargo      extra gap after the purge; zero is allowed
 * @param scheme       rolling or anchored training windows
 */
public record WalkForwardPlan(
        Duration trainLength, Duration testLength, Duration labelHorizon, Duration embargo, WindowScheme scheme) {

    public WalkForwardPlan {
        Objects.requireNonNull(scheme, "scheme");
        requirePositive("trainLength", trainLength);
        requirePositive("testLength", testLength);
        Objects.requireNonNull(labelHorizon, "labelHorizon");
        Objects.requireNonNull(embargo, "embargo");
        if (labelHorizon.isNegative() || embargo.isNegative()) {
            throw new IllegalArgumentException("labelHorizon and embargo must not be negative");
        }
    }

    /** Training end to test start: never shorter than the label horizon. */
    public Duration gap() {
        return labelHorizon.plus(embargo);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
