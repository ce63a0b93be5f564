package dev.peregrine.execution.adapter.out.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps Peregrine inside Binance's request-weight limit instead of finding it with a 429, and honours a 429's or
 * 418's {@code Retry-After}: Binance bans an IP that keeps sending after a 429. Weight used in the last minute is
 * counted here; lookups may use up to {@code lookupShare} of the budget, so orders (and the cancels that protect a
 * position) keep room. A request that does not fit is not sent: the caller gets how long to wait.
 */
final class RequestBudget {

    /** What a request is for: orders and cancels come before lookups. */
    enum Priority {
        ORDER,
        LOOKUP
    }

    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** When a 429/418 names no Retry-After: Binance's weight window. */
    private static final Duration DEFAULT_BACK_OFF = Duration.ofMinutes(1);

    private record Spent(Instant at, int weight) {}

    private final int weightPerMinute;
    private final double lookupShare;
    private final Clock clock;
    private final Deque<Spent> spent = new ArrayDeque<>();
    private int used;
    private Instant blockedUntil = Instant.MIN;

    RequestBudget(int weightPerMinute, double lookupShare, Clock clock) {
        if (weightPerMinute < 1 || lookupShare <= 0 || lookupShare > 1) {
            throw new IllegalArgumentException("weightPerMinute must be >= 1 and lookupShare within (0, 1]");
        }
        this.weightPerMinute = weightPerMinute;
        this.lookupShare = lookupShare;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Binance's default limit (6,000 a minute) less a margin for other clients of the same IP; lookups up to 70 %. */
    static RequestBudget defaults(Clock clock) {
        return new RequestBudget(4800, 0.7, clock);
    }

    /** Takes {@code weight} from the budget; empty if the request may go now, else how long to wait. */
    synchronized Optional<Duration> admit(int weight, Priority priority) {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            return Optional.of(Duration.between(now, blockedUntil));
        }
        while (!spent.isEmpty() && !spent.peekFirst().at().isAfter(now.minus(WINDOW))) {
            used -= spent.pollFirst().weight();
        }
        double limit = priority == Priority.ORDER ? weightPerMinute : weightPerMinute * lookupShare;
        if (used + weight > limit) {
            Instant frees = spent.isEmpty() ? now : spent.peekFirst().at().plus(WINDOW);
            return Optional.of(Duration.between(now, frees).plusMillis(1));
        }
        spent.addLast(new Spent(now, weight));
        used += weight;
        return Optional.empty();
    }

    /** Binance answered 429 or 418: nothing more until its Retry-After has passed. */
    synchronized void backOff(Optional<Duration> retryAfter) {
        Instant until = clock.instant().plus(retryAfter.filter(d -> !d.isZero()).orElse(DEFAULT_BACK_OFF));
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }
}
