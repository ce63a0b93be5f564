package dev.peregrine.monitor.domain.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The rate-limit state of one de-duplication key: until {@code endsAt} further alerts of the key are suppressed.
 *
 * @param dedupKey             the key
 * @param endsAt               end of the current window, opened by the last message sent for the key
 * @param suppressed           alerts suppressed in this window and not yet reported
 * @param suppressedSince      when the first of them arrived; null when none
 * @param lastSuppressedAlertId the latest of them; null when none
 */
public record RateWindow(
        String dedupKey, Instant endsAt, int suppressed, Instant suppressedSince, UUID lastSuppressedAlertId) {

    public RateWindow {
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(endsAt, "endsAt");
        if (suppressed < 0) {
            throw new IllegalArgumentException("suppressed must be >= 0: " + suppressed);
        }
        if ((suppressed == 0) != (suppressedSince == null) || (suppressed == 0) != (lastSuppressedAlertId == null)) {
            throw new IllegalArgumentException(
                    "suppressedSince and lastSuppressedAlertId are set iff alerts were suppressed");
        }
    }

    static RateWindow opened(String dedupKey, Instant endsAt) {
        return new RateWindow(dedupKey, endsAt, 0, null, null);
    }
}
