package dev.peregrine.execution.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When an unresolved order may next be looked up at the venue: at once the first time, then after a delay that
 * doubles with every lookup that settled nothing, up to a maximum. Kept in memory: after a restart every order is
 * looked up at once, which is what reconciliation wants.
 */
public final class LookupBackoff {

    private record Attempts(int count, Instant next) {}

    private final Duration first;
    private final Duration max;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    public LookupBackoff(Duration first, Duration max) {
        this.first = Objects.requireNonNull(first, "first");
        this.max = Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("the back-off needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    public boolean isDue(String clientOrderId, Instant now) {
        Attempts known = attempts.get(clientOrderId);
        return known == null || !now.isBefore(known.next());
    }

    /** A lookup settled nothing: the next one waits longer. */
    public void unsettled(String clientOrderId, Instant now) {
        attempts.compute(clientOrderId, (id, known) -> {
            int count = known == null ? 0 : known.count() + 1;
            return new Attempts(count, now.plus(delay(count)));
        });
    }

    /** The order is settled, or the venue spoke of it (a user-data event): look it up at once next time. */
    public void forget(String clientOrderId) {
        attempts.remove(clientOrderId);
    }

    private Duration delay(int count) {
        Duration delay = first;
        for (int i = 0; i < count && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
