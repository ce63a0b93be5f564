package dev.peregrine.ingest.adapter.out.binance;

import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when the next REST request may go out, for every thread that calls Binance:
 *
 * <ul>
 *   <li>after a 429 or 418, not before its Retry-After (or ban) has passed: counted from when the answer arrived,
 *       which is after the exchange sent it, so the wait is never shorter than the exchange meant;</li>
 *   <li>when the weight Binance reports as used in the current minute ({@code X-MBX-USED-WEIGHT-1M}) plus the next
 *       request's weight would pass {@code slowdownRatio} of the limit, not before the next minute's window
 *       (plus a second for clock differences), so that the limit is never reached in the first place.</li>
 * </ul>
 *
 * A wait longer than {@code maxWait} is not waited for: the call fails at once with the reason, so a long ban does
 * not hold the feed's REST thread for days.
 */
final class RestGate {

    /** Binance counts request weight in windows of a minute of its clock. */
    private static final long WINDOW_MILLIS = 60_000;

    private static final Duration WINDOW_MARGIN = Duration.ofSeconds(1);

    /** Waits; tests pass one that only records. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final int softLimit;
    private final Duration maxWait;
    private Instant notBefore = Instant.MIN;
    private String holdReason = "";
    private int usedWeight;
    private Instant usedWeightAt;

    RestGate(Clock clock, Sleeper sleeper, int weightLimit, double slowdownRatio, Duration maxWait) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
        if (weightLimit < 1 || !(slowdownRatio > 0 && slowdownRatio <= 1)) {
            throw new IllegalArgumentException(
                    "need weightLimit >= 1 and 0 < slowdownRatio <= 1, was " + weightLimit + " and " + slowdownRatio);
        }
        this.softLimit = (int) Math.floor(weightLimit * slowdownRatio);
    }

    /**
     * Returns once a request of {@code weight} may be sent.
     *
     * @throws ExchangeUnavailableException when that is more than {@code maxWait} away
     * @throws InterruptedException         when the thread is interrupted while waiting
     */
    void awaitTurn(int weight) throws InterruptedException {
        while (true) {
            Wait wait = waitFor(weight);
            if (wait.duration().isZero()) {
                return;
            }
            if (wait.duration().compareTo(maxWait) > 0) {
                throw new ExchangeUnavailableException(
                        wait.reason() + ": that is " + wait.duration().toSeconds()
                                + " s away, more than peregrine.ingest.binance.rest.max-retry-wait (" + maxWait + ")");
            }
            sleeper.sleep(wait.duration());
        }
    }

    /** What the next request of {@code weight} has to wait, and why. */
    synchronized Wait waitFor(int weight) {
        Instant now = clock.instant();
        if (now.isBefore(notBefore)) {
            return new Wait(Duration.between(now, notBefore), holdReason);
        }
        if (usedWeightAt != null && window(usedWeightAt) == window(now) && usedWeight + weight > softLimit) {
            Instant nextWindow =
                    Instant.ofEpochMilli((window(now) + 1) * WINDOW_MILLIS).plus(WINDOW_MARGIN);
            return new Wait(
                    Duration.between(now, nextWindow),
                    "request weight " + usedWeight + " used this minute, " + "near the limit (slowing down at "
                            + softLimit + ")");
        }
        return new Wait(Duration.ZERO, "");
    }

    /** The weight Binance reported as used in the minute of {@code at}. */
    synchronized void usedWeight(int used, Instant at) {
        if (usedWeightAt == null || !at.isBefore(usedWeightAt)) {
            usedWeight = used;
            usedWeightAt = at;
        }
    }

    /** No request before {@code receivedAt + retryAfter}; returns that instant (or a later hold already in force). */
    synchronized Instant holdOff(Duration retryAfter, Instant receivedAt, String reason) {
        Instant until = receivedAt.plus(retryAfter);
        if (until.isAfter(notBefore)) {
            notBefore = until;
            holdReason = reason + " until " + until;
        }
        return notBefore;
    }

    synchronized Optional<Instant> heldUntil() {
        return clock.instant().isBefore(notBefore) ? Optional.of(notBefore) : Optional.empty();
    }

    private static long window(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), WINDOW_MILLIS);
    }

    record Wait(Duration duration, String reason) {}
}
