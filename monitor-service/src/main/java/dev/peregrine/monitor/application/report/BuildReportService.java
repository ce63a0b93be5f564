package dev.peregrine.monitor.application.report;

import dev.peregrine.monitor.domain.report.PeriodReport;
import dev.peregrine.monitor.domain.report.ReportPeriod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Reads the facts of a period and builds its report; periods are judged in UTC on the injected clock. */
public final class BuildReportService implements BuildReport {

    private final ReportSource source;
    private final Duration horizon;
    private final int rankingMinimum;
    private final Clock clock;

    /**
     * @param horizon        the outcome horizon a report counts (one, since a signal's horizons are not independent)
     * @param rankingMinimum outcomes a strategy needs in the period to be named best or worst
     */
    public BuildReportService(ReportSource source, Duration horizon, int rankingMinimum, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        if (rankingMinimum < 1) {
            throw new IllegalArgumentException("rankingMinimum must be >= 1: " + rankingMinimum);
        }
        this.rankingMinimum = rankingMinimum;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PeriodReport report(ReportPeriod period) {
        Instant now = clock.instant();
        if (!period.from().isBefore(now)) {
            throw new IllegalArgumentException("no report for " + period.label() + ": it starts at " + period.from()
                    + ", after now (" + now + ")");
        }
        return PeriodReport.of(period, horizon, now, source.facts(horizon, period.from(), period.to()), rankingMinimum);
    }

    @Override
    public ReportPeriod previousDay() {
        return ReportPeriod.previousDay(clock.instant());
    }

    @Override
    public ReportPeriod previousWeek() {
        return ReportPeriod.previousWeek(clock.instant());
    }
}
