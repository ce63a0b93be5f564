package dev.peregrine.monitor.application.alert.port.out;

import dev.peregrine.monitor.domain.alert.Alert;
import dev.peregrine.monitor.domain.alert.Channel;
import dev.peregrine.monitor.domain.alert.Delivery;
import dev.peregrine.monitor.domain.alert.DeliveryStatus;
import dev.peregrine.monitor.domain.alert.RateLimiter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Alerts, their deliveries and the rate-limit windows, persisted. Each method is atomic. */
public interface AlertStore {

    /**
     * Stores {@code alert} unless its id is known, and a delivery for each of {@code channels} that it has none for
     * yet: PENDING or SUPPRESSED as {@code limiter} admits it against its key's window (locked meanwhile).
     *
     * @return whether the alert was new, and the deliveries created with their status
     */
    Recorded record(Alert alert, Set<Channel> channels, RateLimiter limiter, Instant now);

    /**
     * For every key whose window has ended with alerts suppressed: a PENDING summary delivery per channel and the
     * window reopened, as {@link RateLimiter#summaryDue} says.
     *
     * @return how many keys got a summary
     */
    int queueDueSummaries(Set<Channel> channels, RateLimiter limiter, Instant now, int limit);

    /**
     * Claims up to {@code limit} PENDING deliveries of {@code channels} whose next attempt is due, skipping rows
     * another instance has locked: counts the attempt and moves their next attempt to {@code leaseUntil}, so a
     * crash before {@link #markSent} makes them due again then.
     */
    List<Delivery> claimDue(Set<Channel> channels, Instant now, Instant leaseUntil, int limit);

    void markSent(UUID deliveryId, Instant at);

    void retryAt(UUID deliveryId, Instant nextAttemptAt, String error);

    void markFailed(UUID deliveryId, Instant at, String error);

    /** What {@link #record} did. */
    record Recorded(boolean newAlert, Map<Channel, DeliveryStatus> deliveries) {}
}
