package dev.peregrine.monitor.domain.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off with a cap and a bounded number of attempts: after the n-th failed attempt (n >= 1) the
 * next one waits {@code min(initial * multiplier^(n-1), max)}; after {@code maxAttempts} attempts the delivery fails.
 */
public record Backoff(Duration initial, Duration max, double multiplier, int maxAttempts) {

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial back-off must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max back-off " + max + " is below the initial " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("back-off multiplier must be >= 1: " + multiplier);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be >= 1: " + maxAttempts);
        }
    }

    /** Whether a delivery that has been attempted {@code attempts} times may be tried again. */
    public boolean mayRetryAfter(int attempts) {
        return attempts < maxAttempts;
    }

    /** How long to wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration delayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1: " + attempts);
        }
        double nanos = initial.toNanos() * Math.pow(multiplier, attempts - 1);
        if (nanos >= max.toNanos()) {
            return max;
        }
        return Duration.ofNanos((long) nanos);
    }
}
