package dev.peregrine.monitor.application.alert;

import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.monitor.application.alert.port.in.ReceiveAlert;
import dev.peregrine.monitor.application.alert.port.out.AlertMetrics;
import dev.peregrine.monitor.application.alert.port.out.AlertStore;
import dev.peregrine.monitor.domain.alert.Alert;
import dev.peregrine.monitor.domain.alert.Channel;
import dev.peregrine.monitor.domain.alert.DeliveryStatus;
import dev.peregrine.monitor.domain.alert.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Records each alert once, with one delivery per enabled channel, rate-limited per de-duplication key. */
public final class ReceiveAlertService implements ReceiveAlert {

    private final AlertStore store;
    private final AlertMetrics metrics;
    private final Set<Channel> channels;
    private final RateLimiter limiter;
    private final Clock clock;

    public ReceiveAlertService(
            AlertStore store, AlertMetrics metrics, Set<Channel> channels, RateLimiter limiter, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Receipt receive(AlertRaised event) {
        Instant now = clock.instant();
        Alert alert = Alert.derive(
                event.envelope().eventId(),
                event.severity(),
                event.source(),
                event.subject(),
                event.code(),
                event.message(),
                event.envelope().eventTime(),
                now);
        AlertStore.Recorded recorded = store.record(alert, channels, limiter, now);
        if (recorded.newAlert()) {
            metrics.received(alert.severity());
        }
        for (Map.Entry<Channel, DeliveryStatus> delivery : recorded.deliveries().entrySet()) {
            if (delivery.getValue() == DeliveryStatus.SUPPRESSED) {
                metrics.suppressed(delivery.getKey());
            }
        }
        return recorded.newAlert() || !recorded.deliveries().isEmpty() ? Receipt.RECORDED : Receipt.DUPLICATE;
    }
}
