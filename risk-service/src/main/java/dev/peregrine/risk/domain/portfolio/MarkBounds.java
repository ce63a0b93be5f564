package dev.peregrine.risk.domain.portfolio;

import java.time.Duration;
import java.util.Objects;

/**
 * How many marks the portfolio keeps: one per symbol ever seen would grow with every new symbol on the candle
 * stream. Only marks no valuation needs are ever dropped (see {@link Portfolio#dropMarks(MarkBounds)}).
 *
 * @param maxMarks  at most this many marks beyond the ones in use; one more drops the oldest (by its close time)
 * @param idleAfter a mark not updated for this long of market time is dropped
 */
public record MarkBounds(int maxMarks, Duration idleAfter) {

    /** {@code peregrine.risk.state.*}'s defaults, for callers assembled without configuration. */
    public static final MarkBounds DEFAULTS = new MarkBounds(2000, Duration.ofDays(3));

    public MarkBounds {
        Objects.requireNonNull(idleAfter, "idleAfter");
        if (maxMarks < 1) {
            throw new IllegalArgumentException("maxMarks must be at least 1: " + maxMarks);
        }
        if (idleAfter.isNegative() || idleAfter.isZero()) {
            throw new IllegalArgumentException("idleAfter must be positive: " + idleAfter);
        }
    }
}
