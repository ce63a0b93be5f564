package dev.peregrine.backtest.research.walkforward;

import java.time.Duration;
import java.util.Objects;

/**
 * One fold of a walk-forward run: fit on {@code train}, judge on {@code test}. A training sample at time t carries a
 * label that reads candles up to t + labelHorizon, so the training span stretched by the horizon must end at or
 * before the test window starts (the purge); the constructor refuses anything else.
 *
 * @param index        0-based position in the run
 * @param train        span whose candles and signals the fitting step may use
 * @param test         span the chosen parameters are judged on, out of sample
 * @param labelHorizon how far past a sample its outcome label reads
 */
public record WalkForwardWindow(int index, TimeWindow train, TimeWindow test, Duration labelHorizon) {

    public WalkForwardWindow {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(labelHorizon, "labelHorizon");
        if (labelHorizon.isNegative()) {
            throw new IllegalArgumentException("labelHorizon must not be negative: " + labelHorizon);
        }
        if (train.extendedBy(labelHorizon).to().isAfter(test.from())) {
            throw new IllegalArgumentException("window " + index + ": training labels reach "
                    + train.to().plus(labelHorizon) + ", after the test window starts at " + test.from());
        }
    }

    /** Where the training samples' labels may reach; never overlaps {@link #test()}. */
    public TimeWindow trainWithLabels() {
        return train.extendedBy(labelHorizon);
    }

    /** The gap between the end of training and the start of the test window (purge plus embargo). */
    public Duration gap() {
        return Duration.between(train.to(), test.from());
    }
}
