package dev.peregrine.monitor.domain.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * At most one message per de-duplication key per {@code window}. The first alert of a key is sent and opens a
 * window; alerts of the key inside it are suppressed and counted. When the window has ended, the count is reported:
 * in the text of the key's next alert if one comes first, else in a summary message of its own (which opens a new
 * window, so a key never gets more than one message per window). A zero window disables the limit.
 */
public final class RateLimiter {

    private final Duration window;

    public RateLimiter(Duration window) {
        this.window = Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("rate-limit window must not be negative: " + window);
        }
    }

    public Duration window() {
        return window;
    }

    /**
     * Decides about an alert of {@code dedupKey} arriving at {@code now}, given the key's current window (empty when
     * the key has none yet).
     */
    public Admission admit(Optional<RateWindow> current, String dedupKey, UUID alertId, Instant now) {
        if (current.isEmpty() || !now.isBefore(current.get().endsAt()) || window.isZero()) {
            int reported = current.map(RateWindow::suppressed).orElse(0);
            Instant since = current.map(RateWindow::suppressedSince).orElse(null);
            return new Admission(true, reported, since, RateWindow.opened(dedupKey, now.plus(window)));
        }
        RateWindow open = current.get();
        RateWindow next = new RateWindow(
                dedupKey,
                open.endsAt(),
                open.suppressed() + 1,
                open.suppressed() == 0 ? now : open.suppressedSince(),
                alertId);
        return new Admission(false, 0, null, next);
    }

    /** The summary due for {@code current} at {@code now}: when its window has ended with alerts suppressed. */
    public Optional<Summary> summaryDue(RateWindow current, Instant now) {
        if (current.suppressed() == 0 || now.isBefore(current.endsAt())) {
            return Optional.empty();
        }
        return Optional.of(new Summary(
                current.suppressed(),
                current.suppressedSince(),
                current.lastSuppressedAlertId(),
                RateWindow.opened(current.dedupKey(), now.plus(window))));
    }

    /**
     * The decision about one alert.
     *
     * @param send            whether it is sent (else suppressed)
     * @param reported        suppressed alerts of the key the sent message reports (0 when suppressed or none)
     * @param suppressedSince when the first of those arrived; null when {@code reported} is 0
     * @param next            the key's window to store
     */
    public record Admission(boolean send, int reported, Instant suppressedSince, RateWindow next) {}

    /**
     * A summary to send for a key whose window ended with alerts suppressed.
     *
     * @param suppressed  how many
     * @param since       when the first of them arrived
     * @param lastAlertId the latest of them, whose text the summary quotes
     * @param next        the key's window to store
     */
    public record Summary(int suppressed, Instant since, UUID lastAlertId, RateWindow next) {}
}
