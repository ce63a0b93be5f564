package dev.peregrine.ingest.domain.quality;

import java.time.Duration;
import java.util.Objects;

/**
 * How much per-series and per-symbol state one feed's {@link QualityMonitor} holds, so that a feed seeing ever more
 * symbols (a capture with the whole exchange, symbols listed and delisted) does not grow without bound.
 *
 * @param maxSeries  series states held (previous candle, last update, price-jump returns); beyond it the least
 *                   recently used is dropped, and as many resume points (a dropped series' last candle) are kept
 * @param maxSymbols symbols whose recent trades are held (each up to {@code trade-history} trades); beyond it the
 *                   least recently used symbol's trades are dropped
 * @param idleAfter  a series without an update for this long (at least three of its intervals, and only after its
 *                   STALE_STREAM incident) and a symbol without a trade for this long, in the feed's own time, are
 *                   dropped
 */
public record StateLimits(int maxSeries, int maxSymbols, Duration idleAfter) {

    public static final StateLimits DEFAULTS = new StateLimits(5_000, 1_000, Duration.ofDays(3));

    public StateLimits {
        if (maxSeries < 1) {
            throw new IllegalArgumentException("max-series must be at least 1, was " + maxSeries);
        }
        if (maxSymbols < 1) {
            throw new IllegalArgumentException("max-symbols must be at least 1, was " + maxSymbols);
        }
        Objects.requireNonNull(idleAfter, "idleAfter");
        if (idleAfter.isNegative() || idleAfter.isZero()) {
            throw new IllegalArgumentException("idle-after must be positive, was " + idleAfter);
        }
    }
}
