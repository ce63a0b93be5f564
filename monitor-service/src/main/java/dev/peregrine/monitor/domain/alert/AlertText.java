package dev.peregrine.monitor.domain.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The plain text every channel sends (no markup, so nothing needs escaping for Telegram), at most
 * {@value #MAX_LENGTH} characters (Telegram's limit is 4096).
 *
 * <pre>
 * [CRITICAL] DAILY_LOSS_BREAKER_HALTED: DAILY_LOSS_BREAKER
 * DAILY_LOSS_BREAKER REDUCING -> HALTED by system: daily loss 5.2% over 5%
 * Runbook: entries resume by themselves after the cooldown, or POST /api/v1/risk/breaker/reset
 * risk-service at 2024-05-01T10:15:00Z, key risk-service|DAILY_LOSS_BREAKER_HALTED|DAILY_LOSS_BREAKER
 * (+2 similar alerts suppressed since 2024-05-01T10:05:00Z)
 * </pre>
 */
public final class AlertText {

    public static final int MAX_LENGTH = 4000;

    private AlertText() {}

    /** The message for one alert, noting {@code reported} earlier suppressed alerts of its key (0 for none). */
    public static String alert(Alert alert, int reported, Instant suppressedSince) {
        StringBuilder text = header(alert)
                .append('\n')
                .append(alert.message())
                .append('\n')
                .append("Runbook: ")
                .append(alert.runbook())
                .append('\n')
                .append(footer(alert));
        if (reported > 0) {
            text.append('\n')
                    .append("(+")
                    .append(reported)
                    .append(reported == 1 ? " similar alert" : " similar alerts")
                    .append(" suppressed since ")
                    .append(seconds(suppressedSince))
                    .append(')');
        }
        return bounded(text);
    }

    /** The summary of {@code suppressed} alerts of {@code latest}'s key, the rate limit being {@code window}. */
    public static String summary(Alert latest, int suppressed, Instant since, Duration window) {
        StringBuilder text = new StringBuilder()
                .append('[')
                .append(latest.severity())
                .append("] ")
                .append(suppressed)
                .append(suppressed == 1 ? " more alert " : " more alerts ")
                .append(latest.code())
                .append(": ")
                .append(latest.subject())
                .append(" suppressed since ")
                .append(seconds(since))
                .append(" (rate limit: one message per key every ")
                .append(human(window))
                .append(')')
                .append('\n')
                .append("Latest: ")
                .append(latest.message())
                .append('\n')
                .append("Runbook: ")
                .append(latest.runbook())
                .append('\n')
                .append(footer(latest));
        return bounded(text);
    }

    private static StringBuilder header(Alert alert) {
        return new StringBuilder()
                .append('[')
                .append(alert.severity())
                .append("] ")
                .append(alert.code())
                .append(": ")
                .append(alert.subject());
    }

    private static String footer(Alert alert) {
        return alert.source() + " at " + seconds(alert.eventTime()) + ", key " + alert.dedupKey();
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static String bounded(StringBuilder text) {
        if (text.length() <= MAX_LENGTH) {
            return text.toString();
        }
        return text.substring(0, MAX_LENGTH - 1) + "\u2026";
    }
}
