package dev.peregrine.monitor.application.report;

import dev.peregrine.monitor.domain.report.PeriodReport;
import dev.peregrine.monitor.domain.report.ReportPeriod;

/** Daily and weekly reports from the stored outcomes, trades, decisions and alerts. */
public interface BuildReport {

    /** @throws IllegalArgumentException when the period has not started yet */
    PeriodReport report(ReportPeriod period);

    /** The last whole UTC day. */
    ReportPeriod previousDay();

    /** The last whole ISO week. */
    ReportPeriod previousWeek();
}
