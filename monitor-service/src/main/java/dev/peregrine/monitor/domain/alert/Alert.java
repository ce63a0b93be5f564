package dev.peregrine.monitor.domain.alert;

import dev.peregrine.common.event.Severity;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert as recorded by the monitor.
 *
 * @param alertId    the event id of the {@code AlertRaised} that carried it: recording is idempotent by it
 * @param dedupKey   alerts with the same key are the same problem; the rate limit applies per key
 * @param severity   how bad it is
 * @param source     the service that raised it
 * @param subject    what it is about (a strategy, a symbol, a risk control)
 * @param code       the stable kind, e.g. {@code DAILY_LOSS_BREAKER_HALTED}
 * @param message    the human text without its runbook line
 * @param runbook    what an operator should do
 * @param eventTime  when it happened at the source
 * @param receivedAt when the monitor recorded it
 */
public record Alert(
        UUID alertId,
        String dedupKey,
        Severity severity,
        String source,
        String subject,
        String code,
        String message,
        String runbook,
        Instant eventTime,
        Instant receivedAt) {

    /** Separates the message from its runbook line in the messages risk-service raises today. */
    public static final String RUNBOOK_MARKER = "Runbook:";

    static final String DEFAULT_RUNBOOK = "see docs/monitoring.md (Alerts) and the source service's logs";

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /**
     * Builds an alert from the fields of {@code AlertRaised}, which has no explicit de-duplication key or runbook:
     * the key is {@code source|code|subject}, and the runbook is the text after the last {@value #RUNBOOK_MARKER}
     * in the message (risk-service writes it there), else a generic pointer to the documentation.
     */
    public static Alert derive(
            UUID alertId,
            Severity severity,
            String source,
            String subject,
            String code,
            String rawMessage,
            Instant eventTime,
            Instant receivedAt) {
        String message = rawMessage.strip();
        String runbook = DEFAULT_RUNBOOK;
        int marker = message.lastIndexOf(RUNBOOK_MARKER);
        if (marker >= 0) {
            String tail = message.substring(marker + RUNBOOK_MARKER.length()).strip();
            if (!tail.isEmpty()) {
                runbook = tail;
                message = message.substring(0, marker).strip();
                if (message.endsWith(".")) {
                    message = message.substring(0, message.length() - 1);
                }
            }
        }
        return new Alert(
                alertId,
                dedupKey(source, code, subject),
                severity,
                source,
                subject,
                code,
                message,
                runbook,
                eventTime,
                receivedAt);
    }

    /** The de-duplication key: {@code source|code|subject}. */
    public static String dedupKey(String source, String code, String subject) {
        return source + "|" + code + "|" + subject;
    }
}
