package dev.peregrine.monitor.application.alert;

import dev.peregrine.monitor.application.alert.port.in.DispatchAlerts;
import dev.peregrine.monitor.application.alert.port.out.AlertMetrics;
import dev.peregrine.monitor.application.alert.port.out.AlertSender;
import dev.peregrine.monitor.application.alert.port.out.AlertStore;
import dev.peregrine.monitor.domain.alert.Backoff;
import dev.peregrine.monitor.domain.alert.Channel;
import dev.peregrine.monitor.domain.alert.Delivery;
import dev.peregrine.monitor.domain.alert.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduler round: queues the summaries of rate-limit windows that have ended, then claims the due PENDING
 * deliveries (a lease, so concurrent instances never send the same one) and sends each. A 2xx marks it SENT; a
 * retryable failure schedules the next attempt after the {@link Backoff}, until the attempts are exhausted and it is
 * marked FAILED; a rejection (4xx) fails it at once. At-least-once toward the endpoint: a crash between the
 * endpoint's answer and the mark sends that one message again once its lease has expired.
 */
public final class DispatchAlertsService implements DispatchAlerts {

    private static final Logger log = LoggerFactory.getLogger(DispatchAlertsService.class);
    private static final int MAX_BATCHES_PER_ROUND = 10;

    private final AlertStore store;
    private final Map<Channel, AlertSender> senders;
    private final AlertMetrics metrics;
    private final RateLimiter limiter;
    private final Backoff backoff;
    private final Duration lease;
    private final int batchSize;
    private final Clock clock;

    public DispatchAlertsService(
            AlertStore store,
            List<AlertSender> senders,
            AlertMetrics metrics,
            RateLimiter limiter,
            Backoff backoff,
            Duration lease,
            int batchSize,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.senders = new EnumMap<>(Channel.class);
        for (AlertSender sender : senders) {
            if (this.senders.put(sender.channel(), sender) != null) {
                throw new IllegalArgumentException("two senders for " + sender.channel());
            }
        }
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.lease = Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1: " + batchSize);
        }
        this.batchSize = batchSize;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Set<Channel> channels() {
        return senders.keySet();
    }

    @Override
    public Round dispatchDue() {
        if (senders.isEmpty()) {
            return new Round(0, 0, 0, 0);
        }
        int summaries = store.queueDueSummaries(senders.keySet(), limiter, clock.instant(), batchSize);
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
            Instant now = clock.instant();
            List<Delivery> due = store.claimDue(senders.keySet(), now, now.plus(lease), batchSize);
            for (Delivery delivery : due) {
                switch (send(delivery)) {
                    case SENT -> sent++;
                    case RETRIED -> retried++;
                    case FAILED -> failed++;
                }
            }
            if (due.size() < batchSize) {
                break;
            }
        }
        return new Round(summaries, sent, retried, failed);
    }

    private enum Result {
        SENT,
        RETRIED,
        FAILED
    }

    private Result send(Delivery delivery) {
        AlertSender sender = senders.get(delivery.channel());
        AlertSender.Outcome outcome;
        try {
            outcome = sender.send(delivery.text(limiter.window()));
        } catch (RuntimeException e) {
            // Senders report failures as outcomes; anything else is a bug worth another attempt, not a lost alert.
            outcome = AlertSender.Outcome.retryable(e.getClass().getSimpleName());
        }
        Instant now = clock.instant();
        switch (outcome.result()) {
            case DELIVERED -> {
                store.markSent(delivery.deliveryId(), now);
                metrics.delivered(delivery.channel());
                return Result.SENT;
            }
            case RETRYABLE -> {
                if (backoff.mayRetryAfter(delivery.attempts())) {
                    Duration delay = backoff.delayAfter(delivery.attempts());
                    store.retryAt(delivery.deliveryId(), now.plus(delay), outcome.detail());
                    metrics.retried(delivery.channel());
                    log.info(
                            "Alert delivery {} to {} failed (attempt {}/{}: {}), next attempt in {}",
                            delivery.deliveryId(),
                            delivery.channel(),
                            delivery.attempts(),
                            backoff.maxAttempts(),
                            outcome.detail(),
                            delay);
                    return Result.RETRIED;
                }
            }
            case REJECTED -> {
                // failed below
            }
        }
        store.markFailed(delivery.deliveryId(), now, outcome.detail());
        metrics.failed(delivery.channel());
        log.warn(
                "Alert delivery {} to {} FAILED after {} attempt(s): {} (alert {})",
                delivery.deliveryId(),
                delivery.channel(),
                delivery.attempts(),
                outcome.detail(),
                delivery.alert().dedupKey());
        return Result.FAILED;
    }
}
