package dev.peregrine.backtest.research.calibration;

import java.time.Instant;
import java.util.Objects;

/**
 * One past signal for calibration: its raw score (e.g. the validation's confidence, 0-1) and whether it hit.
 *
 * @param at    when the signal was emitted; its outcome is known at {@code at + label horizon}
 * @param score raw score
 * @param hit   whether the forward return after costs was positive
 */
public record ScoredOutcome(Instant at, double score, boolean hit) {

    public ScoredOutcome {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite: " + score);
        }
    }

    public double outcome() {
        return hit ? 1.0 : 0.0;
    }
}
