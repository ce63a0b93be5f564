package dev.peregrine.monitor.domain.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to send to one channel, as claimed by the dispatcher.
 *
 * @param deliveryId      its id
 * @param channel         where to
 * @param kind            an alert, or a summary of suppressed alerts
 * @param alert           the alert (for a summary: the latest suppressed one)
 * @param attempts        attempts so far, including the one being made
 * @param reported        suppressed alerts this message reports (the summary's count, or the note of an alert)
 * @param suppressedSince when the first of them arrived; null when {@code reported} is 0
 */
public record Delivery(
        UUID deliveryId,
        Channel channel,
        DeliveryKind kind,
        Alert alert,
        int attempts,
        int reported,
        Instant suppressedSince) {

    public Delivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(alert, "alert");
        if (reported > 0 && suppressedSince == null) {
            throw new IllegalArgumentException("suppressedSince is needed when reporting suppressed alerts");
        }
    }

    /** The text to send. */
    public String text(java.time.Duration rateLimitWindow) {
        return kind == DeliveryKind.SUMMARY
                ? AlertText.summary(alert, reported, suppressedSince, rateLimitWindow)
                : AlertText.alert(alert, reported, suppressedSince);
    }
}
