package dev.peregrine.common.event;

import java.util.Objects;

/**
 * Something an operator should look at.
 *
 * @param source  the service that raised it
 * @param subject what it is about: a strategy id, a symbol, a venue
 * @param code    stable machine-readable kind, e.g. {@code STRATEGY_DEGRADED}
 */
public record AlertRaised(
        Envelope envelope, Severity severity, String source, String subject, String code, String message)
        implements AlertEvent {

    public AlertRaised {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String key() {
        return subject;
    }
}
