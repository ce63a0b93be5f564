package dev.peregrine.monitor.domain.advice;

import dev.peregrine.monitor.domain.degradation.WeightAdvice;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * A weight the monitor decided to send to signal-service for one strategy, from its advice: recorded (the audit) before
 * it is sent.
 *
 * @param previous     the weight the monitor last sent for the strategy; empty when it never sent one
 * @param weight       the advised weight, rounded to 4 decimals, in [0, 1]
 * @param evidence     the advice it came from (sample size, mean, shrunk mean, lower bound)
 * @param horizon      the outcome horizon the advice was computed on
 * @param windowStart  the first signal time counted; null when every stored outcome counted
 */
public record WeightChange(
        UUID changeId,
        String strategyId,
        OptionalDouble previous,
        double weight,
        WeightAdvice evidence,
        Duration horizon,
        Instant windowStart,
        Instant decidedAt) {

    public WeightChange {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be within [0, 1]: " + weight);
        }
    }

    /** The reason signal-service records with the new weight: the change and the numbers behind it. */
    public String reason() {
        String from = previous.isPresent() ? format(previous.getAsDouble()) : "none sent before";
        return String.format(
                Locale.ROOT,
                "weight advice auto-applied: %s -> %s; %s outcomes at %s%s: n=%d, mean %.5f, "
                        + "shrunk mean %.5f, lower bound %.5f",
                from,
                format(weight),
                evidence.basis(),
                horizon,
                windowStart == null ? "" : " since " + windowStart,
                evidence.sampleSize(),
                evidence.mean(),
                evidence.shrunkMean(),
                evidence.lowerBound());
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
