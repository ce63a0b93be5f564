package dev.peregrine.monitor.domain.advice;

import dev.peregrine.monitor.domain.degradation.WeightAdvice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which advice becomes a weight change: advice measured on a large enough sample (never the neutral weight given for a
 * too-small one, which would undo an operator's manual weight on no evidence), whose weight differs from the one last
 * sent for the strategy by more than the tolerance, or that was never sent.
 */
public final class WeightChangeRule {

    static final int DECIMALS = 4;

    private final double tolerance;

    /** @param tolerance smallest change worth sending, in [0, 1) */
    public WeightChangeRule(double tolerance) {
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be within [0, 1): " + tolerance);
        }
        this.tolerance = tolerance;
    }

    /**
     * @param lastSent    the weight last sent per strategy
     * @param windowStart the first signal time the advice counted, null for all
     */
    public List<WeightChange> changes(
            List<WeightAdvice> advice,
            Map<String, Double> lastSent,
            Duration horizon,
            Instant windowStart,
            Instant now,
            Supplier<UUID> ids) {
        List<WeightChange> changes = new ArrayList<>();
        for (WeightAdvice a : advice) {
            if (a.basis() != WeightAdvice.Basis.MEASURED || Double.isNaN(a.weight())) {
                continue;
            }
            double weight = round(a.weight());
            Double previous = lastSent.get(a.strategy());
            if (previous == null || beyondTolerance(weight, previous)) {
                changes.add(new WeightChange(
                        ids.get(),
                        a.strategy(),
                        previous == null ? OptionalDouble.empty() : OptionalDouble.of(previous),
                        weight,
                        a,
                        horizon,
                        windowStart,
                        now));
            }
        }
        return changes;
    }

    /** Compared in decimal, so a change of exactly the tolerance is never sent, whatever binary rounding says. */
    private boolean beyondTolerance(double weight, double previous) {
        return BigDecimal.valueOf(weight)
                        .subtract(BigDecimal.valueOf(previous))
                        .abs()
                        .compareTo(BigDecimal.valueOf(tolerance))
                > 0;
    }

    static double round(double weight) {
        return BigDecimal.valueOf(weight)
                .setScale(DECIMALS, RoundingMode.HALF_EVEN)
                .doubleValue();
    }
}
