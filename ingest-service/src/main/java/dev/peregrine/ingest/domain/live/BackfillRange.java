package dev.peregrine.ingest.domain.live;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The klines a backfill asks for: from {@code from} on (up to {@code to} if given), or, when the series has no
 * history yet, its most recent {@code mostRecent} closed klines.
 */
public record BackfillRange(Optional<Instant> from, Optional<Instant> to, int mostRecent) {

    public BackfillRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isEmpty() && to.isPresent()) {
            throw new IllegalArgumentException("a range with an end needs a start");
        }
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("the range ends at " + to.get() + ", before its start " + from.get());
        }
        if (mostRecent < 0) {
            throw new IllegalArgumentException("mostRecent cannot be negative: " + mostRecent);
        }
    }

    public static BackfillRange since(Instant from) {
        return new BackfillRange(Optional.of(from), Optional.empty(), 0);
    }

    public static BackfillRange between(Instant from, Instant to) {
        return new BackfillRange(Optional.of(from), Optional.of(to), 0);
    }

    public static BackfillRange latest(int count) {
        return new BackfillRange(Optional.empty(), Optional.empty(), count);
    }

    @Override
    public String toString() {
        return from.map(start -> "from " + start + to.map(end -> " to " + end).orElse(" on"))
                .orElse("the latest " + mostRecent);
    }
}
