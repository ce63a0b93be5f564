package dev.peregrine.execution.domain;

import dev.peregrine.common.event.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * On a live venue, an intent acted on long after its signal (a consumer-group reset, an old backlog, a service down for
 * hours) would trade on a stale decision with real money: it is refused when more than {@code maxAge} has passed since
 * its notBefore by the venue's clock. Replays, backtests and paper trading judge time by the market data, so there
 * the rule is off.
 *
 * @param maxAge how long after notBefore an intent may still be sent; null when the rule is off
 */
public record IntentFreshness(Duration maxAge) {

    public IntentFreshness {
        if (maxAge != null && !maxAge.isPositive()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }

    public static IntentFreshness off() {
        return new IntentFreshness(null);
    }

    public static IntentFreshness within(Duration maxAge) {
        return new IntentFreshness(Objects.requireNonNull(maxAge, "maxAge"));
    }

    public SafetyDecision judge(OrderTerms terms, Instant venueNow) {
        if (maxAge == null) {
            return SafetyDecision.APPROVED;
        }
        Duration age = Duration.between(terms.notBefore(), venueNow);
        if (age.compareTo(maxAge) <= 0) {
            return SafetyDecision.APPROVED;
        }
        return new SafetyDecision.Denied(Reason.of(
                RejectionCodes.STALE_INTENT,
                "the intent's notBefore "
                        + terms.notBefore() + " is " + age.toMillis() + " ms old by the venue's clock, more than the "
                        + maxAge.toMillis() + " ms allowed; nothing was sent"));
    }
}
