package dev.peregrine.monitor.application.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.Severity;
import dev.peregrine.monitor.application.alert.DispatchAlertsService;
import dev.peregrine.monitor.application.alert.InMemoryAlertStore;
import dev.peregrine.monitor.application.alert.ReceiveAlertService;
import dev.peregrine.monitor.application.alert.port.out.AlertMetrics;
import dev.peregrine.monitor.application.alert.port.out.AlertSender;
import dev.peregrine.monitor.domain.alert.Backoff;
import dev.peregrine.monitor.domain.alert.Channel;
import dev.peregrine.monitor.domain.alert.RateLimiter;
import dev.peregrine.monitor.domain.report.ReportFacts;
import dev.peregrine.monitor.domain.report.ReportPeriod;
import dev.peregrine.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportUseCasesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T00:05:00Z"));
    private final List<String> asked = new ArrayList<>();
    private final ReportSource source = (horizon, from, to) -> {
        asked.add(horizon + " " + from + " " + to);
        return from.equals(ReportFacts.DAY) ? ReportFacts.sixthOfDecember() : ReportFacts.nothing();
    };
    private final BuildReportService reports = new BuildReportService(source, Duration.ofHours(4), 10, clock);

    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final RateLimiter limiter = new RateLimiter(Duration.ofMinutes(10));
    private final Recording webhook = new Recording();
    private final ReceiveAlertService receive =
            new ReceiveAlertService(store, new NoMetrics(), EnumSet.of(Channel.WEBHOOK), limiter, clock);
    private final DispatchAlertsService dispatch = new DispatchAlertsService(
            store,
            List.of(webhook),
            new NoMetrics(),
            limiter,
            new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(20), 2, 4),
            Duration.ofSeconds(30),
            10,
            clock);
    private final SendReportsService send = new SendReportsService(reports, receive, clock);

    @Test
    void theReportOfAPeriodAsksForItsUtcSpanAtTheConfiguredHorizon() {
        assertThat(reports.report(ReportPeriod.week("2026-W49")).period().label())
                .isEqualTo("2026-W49");

        assertThat(asked).containsExactly("PT4H 2026-11-30T00:00:00Z 2026-12-07T00:00:00Z");
        assertThat(reports.previousDay()).isEqualTo(ReportPeriod.day("2026-12-06"));
        assertThat(reports.previousWeek()).isEqualTo(ReportPeriod.week("2026-W49"));
    }

    @Test
    void aPeriodThatHasNotStartedHasNoReport() {
        assertThatThrownBy(() -> reports.report(ReportPeriod.day("2026-12-08")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-12-08");
        assertThat(reports.report(ReportPeriod.day("2026-12-07")).complete()).isFalse();
    }

    @Test
    void thePreviousDaysSummaryReachesTheChannelOnceHoweverOftenItIsSent() {
        assertThat(send.sendPreviousDay()).isTrue();
        assertThat(send.sendPreviousDay())
                .as("a restart sends the same period again")
                .isFalse();
        dispatch.dispatchDue();
        dispatch.dispatchDue();

        assertThat(webhook.texts)
                .singleElement()
                .asString()
                .startsWith("[INFO] DAILY_REPORT: 2026-12-06\nDaily report 2026-12-06 (UTC), outcomes at 4h\n")
                .contains(
                        "Best: momentum",
                        "Alerts: 1 CRITICAL, 1 WARNING",
                        "Runbook: the whole report is GET /api/v1/reports/daily?date=2026-12-06 "
                                + "(HTML: /api/v1/reports/daily.html?date=2026-12-06)");
    }

    @Test
    void aWeekWithNothingStoredIsSentSayingSo() {
        clock.advance(Duration.ofDays(7));
        send.sendPreviousWeek();
        dispatch.dispatchDue();

        assertThat(webhook.texts)
                .singleElement()
                .asString()
                .contains("Weekly report 2026-W50 (UTC)", "nothing was stored for 2026-W50");
    }

    private static final class Recording implements AlertSender {
        final List<String> texts = new ArrayList<>();

        @Override
        public Channel channel() {
            return Channel.WEBHOOK;
        }

        @Override
        public Outcome send(String text) {
            texts.add(text);
            return Outcome.delivered();
        }
    }

    private static final class NoMetrics implements AlertMetrics {
        @Override
        public void received(Severity severity) {}

        @Override
        public void delivered(Channel channel) {}

        @Override
        public void retried(Channel channel) {}

        @Override
        public void failed(Channel channel) {}

        @Override
        public void suppressed(Channel channel) {}
    }
}
