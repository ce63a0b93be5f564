package dev.peregrine.exchangesim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Binance's IP request-weight limit as rest-api.md describes it: weight adds up in one-minute windows of the
 * wall clock (reported as {@code X-MBX-USED-WEIGHT-1M}); going over the limit is answered with 429 and a
 * Retry-After up to the end of the window; a client that does not back off and sends again before then is
 * banned (418, Retry-After up to the end of the ban); bans start at two minutes and double for repeat
 * offenders up to three days. The simulator serves one client address, so there is one limiter.
 */
final class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    /** The verdict for one request: 200 (go ahead), 429 or 418, with the weight used after it. */
    record Decision(int status, int usedWeight, int retryAfterSeconds, Instant bannedUntil) {
        boolean admitted() {
            return status == 200;
        }
    }

    private final Clock clock;
    private final int limit;
    private final Duration firstBan;
    private final Duration maxBan;
    private long windowIndex = Long.MIN_VALUE;
    private int used;
    private Instant backOffUntil;
    private Instant bannedUntil;
    private int bans;

    RateLimiter(Clock clock, int limit, Duration firstBan, Duration maxBan) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = limit;
        this.firstBan = Objects.requireNonNull(firstBan, "firstBan");
        this.maxBan = Objects.requireNonNull(maxBan, "maxBan");
    }

    synchronized Decision admit(int weight) {
        Instant now = clock.instant();
        roll(now);
        // Binance keeps counting the weight of refused requests, which is why a client that hammers stays refused.
        used += weight;
        if (bannedUntil != null && now.isBefore(bannedUntil)) {
            return new Decision(418, used, secondsUntil(now, bannedUntil), bannedUntil);
        }
        if (backOffUntil != null && now.isBefore(backOffUntil)) {
            bans++;
            bannedUntil = now.plus(banLength());
            backOffUntil = null;
            return new Decision(418, used, secondsUntil(now, bannedUntil), bannedUntil);
        }
        if (used > limit) {
            backOffUntil = Instant.ofEpochMilli((windowIndex + 1) * WINDOW_MILLIS);
            return new Decision(429, used, secondsUntil(now, backOffUntil), null);
        }
        return new Decision(200, used, 0, null);
    }

    /** The weight used in the current window, for answers that bypass the limiter (injected faults). */
    synchronized int usedWeight() {
        roll(clock.instant());
        return used;
    }

    int limit() {
        return limit;
    }

    private void roll(Instant now) {
        long index = Math.floorDiv(now.toEpochMilli(), WINDOW_MILLIS);
        if (index != windowIndex) {
            windowIndex = index;
            used = 0;
        }
    }

    private Duration banLength() {
        Duration length = firstBan;
        for (int i = 1; i < bans && length.compareTo(maxBan) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(maxBan) > 0 ? maxBan : length;
    }

    /** Retry-After is whole seconds; rounding up keeps a client that obeys it from arriving a moment early. */
    private static int secondsUntil(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return (int) Math.max(1, (millis + 999) / 1000);
    }
}
