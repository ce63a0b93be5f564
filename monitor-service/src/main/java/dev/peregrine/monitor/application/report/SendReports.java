package dev.peregrine.monitor.application.report;

import dev.peregrine.monitor.domain.report.ReportPeriod;

/** Sends a report's short summary to the alert channels. */
public interface SendReports {

    /**
     * Sends the summary of the report of {@code period}, once: a period already sent is not sent again (a restart,
     * a second instance).
     *
     * @return whether it was new
     */
    boolean send(ReportPeriod period);

    /** The last whole UTC day's report. */
    boolean sendPreviousDay();

    /** The last whole ISO week's report. */
    boolean sendPreviousWeek();
}
