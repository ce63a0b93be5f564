package dev.peregrine.monitor.domain.report;

import dev.peregrine.common.event.Severity;
import java.time.Instant;
import java.util.Objects;

/** An alert the monitor received, as a report lists it. */
public record RaisedAlert(Severity severity, String source, String code, String subject, Instant eventTime) {

    public RaisedAlert {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
