package dev.peregrine.ingest.domain.live;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to wait before reconnecting after a drop: exponential from {@code initial}, doubled per failed attempt
 * up to {@code max}, minus a random share of up to {@code jitter} of it, so that many clients (or connections)
 * dropped together do not all come back at the same instant. The random source is injected: a seeded one makes
 * the delays reproducible in tests.
 */
public final class ReconnectBackoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final RandomGenerator random;

    /** @param jitter share of the delay that may be taken off at random, 0 (none) to 1 (anything down to 0) */
    public ReconnectBackoff(Duration initial, Duration max, double jitter, RandomGenerator random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the back-off needs 0 < initial <= max, was " + initial + " and " + max);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
        this.jitter = jitter;
    }

    /** The wait before reconnect attempt {@code attempt} (1 for the first after a drop). */
    public Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, was " + attempt);
        }
        long maxNanos = max.toNanos();
        long base = initial.toNanos();
        for (int i = 1; i < attempt && base < maxNanos; i++) {
            base = base > maxNanos / 2 ? maxNanos : base * 2;
        }
        base = Math.min(base, maxNanos);
        long off = (long) (base * jitter * random.nextDouble());
        return Duration.ofNanos(base - off);
    }
}
