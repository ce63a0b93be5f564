package dev.peregrine.monitor.adapter.out.jdbc.alert;

import static dev.peregrine.platform.jdbc.JdbcTime.instant;
import static dev.peregrine.platform.jdbc.JdbcTime.instantOrNull;
import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.application.alert.port.out.AlertStore;
import dev.peregrine.monitor.domain.alert.Alert;
import dev.peregrine.monitor.domain.alert.Channel;
import dev.peregrine.monitor.domain.alert.Delivery;
import dev.peregrine.monitor.domain.alert.DeliveryKind;
import dev.peregrine.monitor.domain.alert.DeliveryStatus;
import dev.peregrine.monitor.domain.alert.RateLimiter;
import dev.peregrine.monitor.domain.alert.RateWindow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link AlertStore} on PostgreSQL. */
@Repository
public class JdbcAlertStore implements AlertStore {

    private static final String WINDOW_COLUMNS =
            "dedup_key, ends_at, suppressed, suppressed_since, last_suppressed_alert_id";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public JdbcAlertStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public Recorded record(Alert alert, Set<Channel> channels, RateLimiter limiter, Instant now) {
        return transaction.execute(status -> {
            boolean newAlert = jdbc.sql("""
                            insert into monitor.alerts (alert_id, dedup_key, severity, source, subject, code, message,
                              runbook, event_time, received_at)
                            values (:alertId, :dedupKey, :severity, :source, :subject, :code, :message, :runbook,
                              :eventTime, :receivedAt)
                            on conflict do nothing""")
                            .param("alertId", alert.alertId())
                            .param("dedupKey", alert.dedupKey())
                            .param("severity", alert.severity().name())
                            .param("source", alert.source())
                            .param("subject", alert.subject())
                            .param("code", alert.code())
                            .param("message", alert.message())
                            .param("runbook", alert.runbook())
                            .param("eventTime", timestamptz(alert.eventTime()))
                            .param("receivedAt", timestamptz(alert.receivedAt()))
                            .update()
                    == 1;
            Set<Channel> missing = channels.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels);
            jdbc.sql("select channel from monitor.alert_deliveries where alert_id = :alertId and kind = 'ALERT'")
                    .param("alertId", alert.alertId())
                    .query((rs, row) -> Channel.valueOf(rs.getString(1)))
                    .list()
                    .forEach(missing::remove);
            if (missing.isEmpty()) {
                return new Recorded(newAlert, Map.of());
            }
            // Serialises the decisions about one key across consumers and instances; the row lock below also
            // waits for a summary being queued for the key (queueDueSummaries) and then reads its result.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", alert.dedupKey())
                    .query((rs, row) -> 1)
                    .list();
            Optional<RateWindow> window = jdbc.sql("select " + WINDOW_COLUMNS
                            + " from monitor.alert_rate_windows where dedup_key = :key for update")
                    .param("key", alert.dedupKey())
                    .query(JdbcAlertStore::window)
                    .optional();
            RateLimiter.Admission admission = limiter.admit(window, alert.dedupKey(), alert.alertId(), now);
            saveWindow(admission.next());
            DeliveryStatus deliveryStatus = admission.send() ? DeliveryStatus.PENDING : DeliveryStatus.SUPPRESSED;
            Map<Channel, DeliveryStatus> created = new EnumMap<>(Channel.class);
            for (Channel channel : missing) {
                int inserted = jdbc.sql("""
                                insert into monitor.alert_deliveries (delivery_id, alert_id, channel, kind, status,
                                  reported, suppressed_since, attempts, next_attempt_at, created_at, completed_at)
                                values (gen_random_uuid(), :alertId, :channel, 'ALERT', :status, :reported,
                                  :suppressedSince, 0, :now, :now, null)
                                on conflict (alert_id, channel) where kind = 'ALERT' do nothing""")
                        .param("alertId", alert.alertId())
                        .param("channel", channel.name())
                        .param("status", deliveryStatus.name())
                        .param("reported", admission.reported())
                        .param(
                                "suppressedSince",
                                timestamptz(admission.suppressedSince()),
                                Types.TIMESTAMP_WITH_TIMEZONE)
                        .param("now", timestamptz(now))
                        .update();
                if (inserted == 1) {
                    created.put(channel, deliveryStatus);
                }
            }
            return new Recorded(newAlert, created);
        });
    }

    @Override
    public int queueDueSummaries(Set<Channel> channels, RateLimiter limiter, Instant now, int limit) {
        if (channels.isEmpty()) {
            return 0;
        }
        Integer queued = transaction.execute(status -> {
            List<RateWindow> due = jdbc.sql("select " + WINDOW_COLUMNS + """
                             from monitor.alert_rate_windows
                            where suppressed > 0 and ends_at <= :now
                            order by ends_at limit :limit
                            for update skip locked""")
                    .param("now", timestamptz(now))
                    .param("limit", limit)
                    .query(JdbcAlertStore::window)
                    .list();
            int count = 0;
            for (RateWindow window : due) {
                boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
                        .param("key", window.dedupKey())
                        .query(Boolean.class)
                        .single();
                Optional<RateLimiter.Summary> summary = limiter.summaryDue(window, now);
                if (!locked || summary.isEmpty()) {
                    continue; // an alert of this key is being recorded; it reports the count or the next round does
                }
                for (Channel channel : channels) {
                    jdbc.sql("""
                                    insert into monitor.alert_deliveries (delivery_id, alert_id, channel, kind, status,
                                      reported, suppressed_since, attempts, next_attempt_at, created_at, completed_at)
                                    values (gen_random_uuid(), :alertId, :channel, 'SUMMARY', 'PENDING', :reported,
                                      :since, 0, :now, :now, null)""")
                            .param("alertId", summary.get().lastAlertId())
                            .param("channel", channel.name())
                            .param("reported", summary.get().suppressed())
                            .param("since", timestamptz(summary.get().since()))
                            .param("now", timestamptz(now))
                            .update();
                }
                saveWindow(summary.get().next());
                count++;
            }
            return count;
        });
        return queued == null ? 0 : queued;
    }

    @Override
    public List<Delivery> claimDue(Set<Channel> channels, Instant now, Instant leaseUntil, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<Claimed> claimed = transaction.execute(status -> jdbc.sql("""
                        update monitor.alert_deliveries d
                           set attempts = d.attempts + 1, next_attempt_at = :leaseUntil
                          from monitor.alerts a
                         where a.alert_id = d.alert_id
                           and d.delivery_id in (
                               select delivery_id from monitor.alert_deliveries
                                where status = 'PENDING' and channel in (:channels) and next_attempt_at <= :now
                                order by next_attempt_at, created_at
                                limit :limit
                                for update skip locked)
                        returning d.delivery_id, d.channel, d.kind, d.attempts, d.reported, d.suppressed_since,
                          d.created_at, a.alert_id, a.dedup_key, a.severity, a.source, a.subject, a.code, a.message,
                          a.runbook, a.event_time, a.received_at""")
                .param("leaseUntil", timestamptz(leaseUntil))
                .param("channels", channels.stream().map(Channel::name).toList())
                .param("now", timestamptz(now))
                .param("limit", limit)
                .query(JdbcAlertStore::claimed)
                .list());
        return claimed == null
                ? List.of()
                : claimed.stream()
                        .sorted(Comparator.comparing(Claimed::createdAt)
                                .thenComparing(c -> c.delivery().deliveryId()))
                        .map(Claimed::delivery)
                        .toList();
    }

    @Override
    public void markSent(UUID deliveryId, Instant at) {
        jdbc.sql("""
                        update monitor.alert_deliveries set status = 'SENT', completed_at = :at, last_error = null
                         where delivery_id = :id and status = 'PENDING'""").param("id", deliveryId).param("at", timestamptz(at)).update();
    }

    @Override
    public void retryAt(UUID deliveryId, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                        update monitor.alert_deliveries set next_attempt_at = :at, last_error = :error
                         where delivery_id = :id and status = 'PENDING'""")
                .param("id", deliveryId)
                .param("at", timestamptz(nextAttemptAt))
                .param("error", error)
                .update();
    }

    @Override
    public void markFailed(UUID deliveryId, Instant at, String error) {
        jdbc.sql("""
                        update monitor.alert_deliveries set status = 'FAILED', completed_at = :at, last_error = :error
                         where delivery_id = :id and status = 'PENDING'""")
                .param("id", deliveryId)
                .param("at", timestamptz(at))
                .param("error", error)
                .update();
    }

    private void saveWindow(RateWindow window) {
        jdbc.sql("insert into monitor.alert_rate_windows (" + WINDOW_COLUMNS + """
                        ) values (:key, :endsAt, :suppressed, :since, :lastAlertId)
                        on conflict (dedup_key) do update set ends_at = excluded.ends_at,
                          suppressed = excluded.suppressed, suppressed_since = excluded.suppressed_since,
                          last_suppressed_alert_id = excluded.last_suppressed_alert_id""")
                .param("key", window.dedupKey())
                .param("endsAt", timestamptz(window.endsAt()))
                .param("suppressed", window.suppressed())
                .param("since", timestamptz(window.suppressedSince()), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("lastAlertId", window.lastSuppressedAlertId(), Types.OTHER)
                .update();
    }

    private record Claimed(Delivery delivery, Instant createdAt) {}

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        Alert alert = new Alert(
                rs.getObject("alert_id", UUID.class),
                rs.getString("dedup_key"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("source"),
                rs.getString("subject"),
                rs.getString("code"),
                rs.getString("message"),
                rs.getString("runbook"),
                instant(rs, "event_time"),
                instant(rs, "received_at"));
        Delivery delivery = new Delivery(
                rs.getObject("delivery_id", UUID.class),
                Channel.valueOf(rs.getString("channel")),
                DeliveryKind.valueOf(rs.getString("kind")),
                alert,
                rs.getInt("attempts"),
                rs.getInt("reported"),
                instantOrNull(rs, "suppressed_since"));
        return new Claimed(delivery, instant(rs, "created_at"));
    }

    private static RateWindow window(ResultSet rs, int row) throws SQLException {
        return new RateWindow(
                rs.getString("dedup_key"),
                instant(rs, "ends_at"),
                rs.getInt("suppressed"),
                instantOrNull(rs, "suppressed_since"),
                rs.getObject("last_suppressed_alert_id", UUID.class));
    }
}
