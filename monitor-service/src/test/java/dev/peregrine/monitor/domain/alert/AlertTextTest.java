package dev.peregrine.monitor.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertTextTest {

    private static final UUID ID = UUID.fromString("018b3884-b080-7b22-9183-495a6b7c8d13");
    private static final Instant AT = Instant.parse("2024-05-01T10:15:00.123Z");

    private static Alert breaker() {
        return Alert.derive(
                ID,
                Severity.CRITICAL,
                "risk-service",
                "DAILY_LOSS_BREAKER",
                "DAILY_LOSS_BREAKER_HALTED",
                "DAILY_LOSS_BREAKER REDUCING -> HALTED by system: daily loss 5.2% over 5%. Runbook: entries resume by "
                        + "themselves after the cooldown, or POST /api/v1/risk/breaker/reset",
                AT,
                AT.plusSeconds(1));
    }

    @Test
    void derivesTheKeyAndSplitsTheRunbookOffTheMessage() {
        Alert alert = breaker();
        assertThat(alert.dedupKey()).isEqualTo("risk-service|DAILY_LOSS_BREAKER_HALTED|DAILY_LOSS_BREAKER");
        assertThat(alert.message())
                .isEqualTo("DAILY_LOSS_BREAKER REDUCING -> HALTED by system: daily loss 5.2% over 5%");
        assertThat(alert.runbook())
                .isEqualTo("entries resume by themselves after the cooldown, or POST /api/v1/risk/breaker/reset");
    }

    @Test
    void aMessageWithoutARunbookGetsTheGenericOne() {
        Alert alert = Alert.derive(
                ID,
                Severity.WARNING,
                "monitor-service",
                "ema-cross-v1",
                "STRATEGY_DEGRADED",
                "  hit rate 31% over the last 50 signals; pause requested ",
                AT,
                AT);
        assertThat(alert.message()).isEqualTo("hit rate 31% over the last 50 signals; pause requested");
        assertThat(alert.runbook()).isEqualTo(Alert.DEFAULT_RUNBOOK);
        assertThat(Alert.derive(ID, Severity.INFO, "s", "x", "C", "text Runbook:   ", AT, AT)
                        .runbook())
                .isEqualTo(Alert.DEFAULT_RUNBOOK);
    }

    @Test
    void formatsAnAlert() {
        assertThat(AlertText.alert(breaker(), 0, null)).isEqualTo("""
                [CRITICAL] DAILY_LOSS_BREAKER_HALTED: DAILY_LOSS_BREAKER
                DAILY_LOSS_BREAKER REDUCING -> HALTED by system: daily loss 5.2% over 5%
                Runbook: entries resume by themselves after the cooldown, or POST /api/v1/risk/breaker/reset
                risk-service at 2024-05-01T10:15:00Z, key risk-service|DAILY_LOSS_BREAKER_HALTED|DAILY_LOSS_BREAKER""");
    }

    @Test
    void notesTheSuppressedAlertsItReports() {
        assertThat(AlertText.alert(breaker(), 1, AT.minusSeconds(300)))
                .endsWith("\n(+1 similar alert suppressed since 2024-05-01T10:10:00Z)");
        assertThat(AlertText.alert(breaker(), 4, AT.minusSeconds(300)))
                .endsWith("\n(+4 similar alerts suppressed since 2024-05-01T10:10:00Z)");
    }

    @Test
    void formatsASummary() {
        assertThat(AlertText.summary(breaker(), 4, AT.minusSeconds(300), Duration.ofMinutes(10)))
                .isEqualTo("""
                [CRITICAL] 4 more alerts DAILY_LOSS_BREAKER_HALTED: DAILY_LOSS_BREAKER suppressed since \
                2024-05-01T10:10:00Z (rate limit: one message per key every 10m)
                Latest: DAILY_LOSS_BREAKER REDUCING -> HALTED by system: daily loss 5.2% over 5%
                Runbook: entries resume by themselves after the cooldown, or POST /api/v1/risk/breaker/reset
                risk-service at 2024-05-01T10:15:00Z, key risk-service|DAILY_LOSS_BREAKER_HALTED|DAILY_LOSS_BREAKER""");
        assertThat(AlertText.human(Duration.ofSeconds(90))).isEqualTo("1m30s");
    }

    @Test
    void cutsLongMessagesToTelegramsLimit() {
        Alert alert = Alert.derive(ID, Severity.INFO, "s", "x", "C", "y".repeat(10_000), AT, AT);
        String text = AlertText.alert(alert, 0, null);
        assertThat(text).hasSize(AlertText.MAX_LENGTH).endsWith("\u2026");
    }

    @Test
    void aDeliveryFormatsItsKind() {
        Alert alert = breaker();
        Delivery summary = new Delivery(UUID.randomUUID(), Channel.TELEGRAM, DeliveryKind.SUMMARY, alert, 1, 2, AT);
        Delivery single = new Delivery(UUID.randomUUID(), Channel.WEBHOOK, DeliveryKind.ALERT, alert, 1, 0, null);
        assertThat(summary.text(Duration.ofMinutes(5))).startsWith("[CRITICAL] 2 more alerts");
        assertThat(single.text(Duration.ofMinutes(5))).isEqualTo(AlertText.alert(alert, 0, null));
    }
}
