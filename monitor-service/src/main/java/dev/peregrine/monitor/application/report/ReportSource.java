package dev.peregrine.monitor.application.report;

import dev.peregrine.monitor.domain.report.PeriodFacts;
import java.time.Duration;
import java.time.Instant;

/** What the monitor stored about a half-open span {@code from <= t < to}. */
public interface ReportSource {

    /**
     * Signals whose candle closed in the span (per strategy); outcomes at {@code horizon} whose exit candle closed in
     * it; positions closed in it; pause decisions and alerts (the reports' own messages left out) of the span.
     */
    PeriodFacts facts(Duration horizon, Instant from, Instant to);
}
