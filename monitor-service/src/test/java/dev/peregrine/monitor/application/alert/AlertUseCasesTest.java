package dev.peregrine.monitor.application.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.application.alert.port.in.DispatchAlerts;
import dev.peregrine.monitor.application.alert.port.in.ReceiveAlert;
import dev.peregrine.monitor.application.alert.port.out.AlertMetrics;
import dev.peregrine.monitor.application.alert.port.out.AlertSender;
import dev.peregrine.monitor.domain.alert.Backoff;
import dev.peregrine.monitor.domain.alert.Channel;
import dev.peregrine.monitor.domain.alert.DeliveryStatus;
import dev.peregrine.monitor.domain.alert.RateLimiter;
import dev.peregrine.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertUseCasesTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final Counting metrics = new Counting();
    private final Scripted webhook = new Scripted(Channel.WEBHOOK);
    private final Scripted telegram = new Scripted(Channel.TELEGRAM);
    private final RateLimiter limiter = new RateLimiter(Duration.ofMinutes(10));
    private final ReceiveAlertService receive =
            new ReceiveAlertService(store, metrics, EnumSet.allOf(Channel.class), limiter, clock);
    private final DispatchAlertsService dispatch = new DispatchAlertsService(
            store,
            List.of(webhook, telegram),
            metrics,
            limiter,
            new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(20), 2, 4),
            Duration.ofSeconds(30),
            10,
            clock);

    @Test
    void anAlertIsSentOncePerChannelHoweverOftenItArrives() {
        AlertRaised alert = alert("KILL_SWITCH", "KILL_SWITCH_ON");
        assertThat(receive.receive(alert)).isEqualTo(ReceiveAlert.Receipt.RECORDED);
        assertThat(receive.receive(alert)).isEqualTo(ReceiveAlert.Receipt.DUPLICATE);

        assertThat(dispatch.dispatchDue()).isEqualTo(new DispatchAlerts.Round(0, 2, 0, 0));
        assertThat(dispatch.dispatchDue().attempted()).isZero();
        assertThat(webhook.texts).singleElement().asString().startsWith("[CRITICAL] KILL_SWITCH_ON: KILL_SWITCH\n");
        assertThat(telegram.texts).isEqualTo(webhook.texts);
        assertThat(metrics.count("received CRITICAL")).isEqualTo(1);
        assertThat(metrics.count("delivered WEBHOOK")).isEqualTo(1);
        assertThat(metrics.count("delivered TELEGRAM")).isEqualTo(1);
    }

    @Test
    void aFailingEndpointIsRetriedWithBackoffUntilItAnswers() {
        webhook.script(
                AlertSender.Outcome.retryable("HTTP 503"), AlertSender.Outcome.retryable("HttpTimeoutException"));
        receive.receive(alert("DAILY_LOSS_BREAKER", "DAILY_LOSS_BREAKER_HALTED"));

        assertThat(dispatch.dispatchDue()).isEqualTo(new DispatchAlerts.Round(0, 1, 1, 0));
        clock.advance(Duration.ofSeconds(4));
        assertThat(dispatch.dispatchDue().attempted())
                .as("5s back-off not over")
                .isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatch.dispatchDue()).isEqualTo(new DispatchAlerts.Round(0, 0, 1, 0));
        clock.advance(Duration.ofSeconds(9));
        assertThat(dispatch.dispatchDue().attempted())
                .as("10s back-off not over")
                .isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatch.dispatchDue()).isEqualTo(new DispatchAlerts.Round(0, 1, 0, 0));

        assertThat(webhook.attempts).isEqualTo(3);
        assertThat(webhook.texts).hasSize(1);
        assertThat(store.rows(Channel.WEBHOOK))
                .singleElement()
                .satisfies(row -> assertThat(row.status).isEqualTo(DeliveryStatus.SENT))
                .satisfies(row -> assertThat(row.attempts).isEqualTo(3));
        assertThat(metrics.count("retried WEBHOOK")).isEqualTo(2);
        assertThat(metrics.count("delivered WEBHOOK")).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheLastAttemptAndAtOnceWhenRejected() {
        webhook.script(
                AlertSender.Outcome.retryable("HTTP 500"),
                AlertSender.Outcome.retryable("HTTP 500"),
                AlertSender.Outcome.retryable("HTTP 500"),
                AlertSender.Outcome.retryable("HTTP 500"));
        telegram.script(AlertSender.Outcome.rejected("HTTP 401"));
        receive.receive(alert("DRAWDOWN_LIMIT", "DRAWDOWN_LIMIT_HALTED"));

        for (int round = 0; round < 6; round++) {
            dispatch.dispatchDue();
            clock.advance(Duration.ofSeconds(20));
        }
        assertThat(webhook.attempts).isEqualTo(4);
        assertThat(telegram.attempts).isEqualTo(1);
        assertThat(store.rows(Channel.WEBHOOK))
                .singleElement()
                .satisfies(row -> assertThat(row.status).isEqualTo(DeliveryStatus.FAILED))
                .satisfies(row -> assertThat(row.lastError).isEqualTo("HTTP 500"));
        assertThat(store.rows(Channel.TELEGRAM))
                .singleElement()
                .satisfies(row -> assertThat(row.status).isEqualTo(DeliveryStatus.FAILED));
        assertThat(metrics.count("failed WEBHOOK")).isEqualTo(1);
        assertThat(metrics.count("retried WEBHOOK")).isEqualTo(3);
        assertThat(metrics.count("failed TELEGRAM")).isEqualTo(1);
    }

    @Test
    void aBurstOfOneKeyIsRateLimitedAndSummarised() {
        for (int i = 0; i < 5; i++) {
            receive.receive(alert("KILL_SWITCH", "KILL_SWITCH_ON"));
            clock.advance(Duration.ofSeconds(30));
        }
        receive.receive(alert("DRAWDOWN_LIMIT", "DRAWDOWN_LIMIT_HALTED"));
        dispatch.dispatchDue();
        assertThat(webhook.texts).hasSize(2);
        assertThat(metrics.count("suppressed WEBHOOK")).isEqualTo(4);
        assertThat(metrics.count("suppressed TELEGRAM")).isEqualTo(4);

        clock.advance(Duration.ofMinutes(10));
        assertThat(dispatch.dispatchDue()).isEqualTo(new DispatchAlerts.Round(1, 2, 0, 0));
        assertThat(webhook.texts.getLast())
                .startsWith("[CRITICAL] 4 more alerts KILL_SWITCH_ON: KILL_SWITCH "
                        + "suppressed since 2024-05-01T10:00:30Z (rate limit: one message per key every 10m)");
        assertThat(telegram.texts).isEqualTo(webhook.texts);

        // The summary opened a new window: another alert of the key right away is suppressed, reported later in
        // the text of the next alert that comes after the window.
        receive.receive(alert("KILL_SWITCH", "KILL_SWITCH_ON"));
        clock.advance(Duration.ofMinutes(10));
        receive.receive(alert("KILL_SWITCH", "KILL_SWITCH_ON"));
        dispatch.dispatchDue();
        assertThat(webhook.texts).hasSize(4);
        assertThat(webhook.texts.getLast()).endsWith("(+1 similar alert suppressed since 2024-05-01T10:12:30Z)");
    }

    @Test
    void withoutChannelsAlertsAreRecordedButNothingIsQueued() {
        ReceiveAlertService noChannels = new ReceiveAlertService(store, metrics, Set.of(), limiter, clock);
        assertThat(noChannels.receive(alert("KILL_SWITCH", "KILL_SWITCH_ON"))).isEqualTo(ReceiveAlert.Receipt.RECORDED);
        assertThat(store.rows).isEmpty();
        assertThat(new DispatchAlertsService(
                                store,
                                List.of(),
                                metrics,
                                limiter,
                                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1),
                                Duration.ofSeconds(1),
                                1,
                                clock)
                        .dispatchDue()
                        .attempted())
                .isZero();
    }

    private AlertRaised alert(String subject, String code) {
        UUID id = UUID.randomUUID();
        return new AlertRaised(
                Envelope.root(id, clock.instant(), clock.instant()),
                code.endsWith("_ON") || code.endsWith("_HALTED") ? Severity.CRITICAL : Severity.WARNING,
                "risk-service",
                subject,
                code,
                subject + " tripped. Runbook: look at it");
    }

    private static final class Scripted implements AlertSender {

        private final Channel channel;
        private final Deque<Outcome> script = new ArrayDeque<>();
        final List<String> texts = new ArrayList<>();
        int attempts;

        Scripted(Channel channel) {
            this.channel = channel;
        }

        void script(Outcome... outcomes) {
            script.addAll(List.of(outcomes));
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public Outcome send(String text) {
            attempts++;
            Outcome outcome = script.isEmpty() ? Outcome.delivered() : script.removeFirst();
            if (outcome.result() == Result.DELIVERED) {
                texts.add(text);
            }
            return outcome;
        }
    }

    private static final class Counting implements AlertMetrics {

        private final Map<String, Integer> counts = new HashMap<>();

        int count(String key) {
            return counts.getOrDefault(key, 0);
        }

        private void add(String key) {
            counts.merge(key, 1, Integer::sum);
        }

        @Override
        public void received(Severity severity) {
            add("received " + severity);
        }

        @Override
        public void delivered(Channel channel) {
            add("delivered " + channel);
        }

        @Override
        public void retried(Channel channel) {
            add("retried " + channel);
        }

        @Override
        public void failed(Channel channel) {
            add("failed " + channel);
        }

        @Override
        public void suppressed(Channel channel) {
            add("suppressed " + channel);
        }
    }
}
