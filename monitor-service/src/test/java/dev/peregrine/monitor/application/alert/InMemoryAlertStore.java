package dev.peregrine.monitor.application.alert;

import dev.peregrine.monitor.application.alert.port.out.AlertStore;
import dev.peregrine.monitor.domain.alert.Alert;
import dev.peregrine.monitor.domain.alert.Channel;
import dev.peregrine.monitor.domain.alert.Delivery;
import dev.peregrine.monitor.domain.alert.DeliveryKind;
import dev.peregrine.monitor.domain.alert.DeliveryStatus;
import dev.peregrine.monitor.domain.alert.RateLimiter;
import dev.peregrine.monitor.domain.alert.RateWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@link AlertStore} contract in memory, for use-case tests. */
public final class InMemoryAlertStore implements AlertStore {

    static final class Row {
        final UUID id = UUID.randomUUID();
        final UUID alertId;
        final Channel channel;
        final DeliveryKind kind;
        DeliveryStatus status;
        final int reported;
        final Instant since;
        int attempts;
        Instant nextAttemptAt;
        String lastError;

        Row(
                UUID alertId,
                Channel channel,
                DeliveryKind kind,
                DeliveryStatus status,
                int reported,
                Instant since,
                Instant now) {
            this.alertId = alertId;
            this.channel = channel;
            this.kind = kind;
            this.status = status;
            this.reported = reported;
            this.since = since;
            this.nextAttemptAt = now;
        }
    }

    final Map<UUID, Alert> alerts = new HashMap<>();
    final Map<UUID, Row> rows = new LinkedHashMap<>();
    final Map<String, RateWindow> windows = new HashMap<>();

    @Override
    public synchronized Recorded record(Alert alert, Set<Channel> channels, RateLimiter limiter, Instant now) {
        boolean newAlert = alerts.putIfAbsent(alert.alertId(), alert) == null;
        List<Channel> missing = channels.stream()
                .filter(channel -> rows.values().stream()
                        .noneMatch(row -> row.alertId.equals(alert.alertId())
                                && row.channel == channel
                                && row.kind == DeliveryKind.ALERT))
                .sorted()
                .toList();
        if (missing.isEmpty()) {
            return new Recorded(newAlert, Map.of());
        }
        RateLimiter.Admission admission = limiter.admit(
                Optional.ofNullable(windows.get(alert.dedupKey())), alert.dedupKey(), alert.alertId(), now);
        windows.put(alert.dedupKey(), admission.next());
        DeliveryStatus status = admission.send() ? DeliveryStatus.PENDING : DeliveryStatus.SUPPRESSED;
        Map<Channel, DeliveryStatus> created = new EnumMap<>(Channel.class);
        for (Channel channel : missing) {
            Row row = new Row(
                    alert.alertId(),
                    channel,
                    DeliveryKind.ALERT,
                    status,
                    admission.reported(),
                    admission.suppressedSince(),
                    now);
            rows.put(row.id, row);
            created.put(channel, status);
        }
        return new Recorded(newAlert, created);
    }

    @Override
    public synchronized int queueDueSummaries(Set<Channel> channels, RateLimiter limiter, Instant now, int limit) {
        int count = 0;
        for (RateWindow window : List.copyOf(windows.values())) {
            Optional<RateLimiter.Summary> summary = limiter.summaryDue(window, now);
            if (summary.isEmpty() || count == limit) {
                continue;
            }
            for (Channel channel : channels.stream().sorted().toList()) {
                Row row = new Row(
                        summary.get().lastAlertId(),
                        channel,
                        DeliveryKind.SUMMARY,
                        DeliveryStatus.PENDING,
                        summary.get().suppressed(),
                        summary.get().since(),
                        now);
                rows.put(row.id, row);
            }
            windows.put(window.dedupKey(), summary.get().next());
            count++;
        }
        return count;
    }

    @Override
    public synchronized List<Delivery> claimDue(Set<Channel> channels, Instant now, Instant leaseUntil, int limit) {
        List<Delivery> claimed = new ArrayList<>();
        for (Row row : rows.values()) {
            if (claimed.size() == limit) {
                break;
            }
            if (row.status == DeliveryStatus.PENDING
                    && channels.contains(row.channel)
                    && !row.nextAttemptAt.isAfter(now)) {
                row.attempts++;
                row.nextAttemptAt = leaseUntil;
                claimed.add(new Delivery(
                        row.id, row.channel, row.kind, alerts.get(row.alertId), row.attempts, row.reported, row.since));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void markSent(UUID deliveryId, Instant at) {
        rows.get(deliveryId).status = DeliveryStatus.SENT;
    }

    @Override
    public synchronized void retryAt(UUID deliveryId, Instant nextAttemptAt, String error) {
        rows.get(deliveryId).nextAttemptAt = nextAttemptAt;
        rows.get(deliveryId).lastError = error;
    }

    @Override
    public synchronized void markFailed(UUID deliveryId, Instant at, String error) {
        rows.get(deliveryId).status = DeliveryStatus.FAILED;
        rows.get(deliveryId).lastError = error;
    }

    synchronized List<Row> rows(Channel channel) {
        return rows.values().stream().filter(row -> row.channel == channel).toList();
    }
}
