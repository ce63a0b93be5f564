package dev.peregrine.monitor.application.report;

import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.monitor.application.alert.port.in.ReceiveAlert;
import dev.peregrine.monitor.domain.report.PeriodReport;
import dev.peregrine.monitor.domain.report.ReportPeriod;
import dev.peregrine.monitor.domain.report.ReportText;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Hands a report's summary to the alert delivery as an INFO alert ({@code DAILY_REPORT} or {@code WEEKLY_REPORT},
 * subject the period's label), recorded like any alert and delivered to the enabled channels with their retries. Its
 * id is derived from the period, so a second send of the same period (a restart, a second instance) adds nothing.
 */
public final class SendReportsService implements SendReports {

    /** The source of the report messages. */
    public static final String SOURCE = "monitor-service";

    private final BuildReport reports;
    private final ReceiveAlert alerts;
    private final Clock clock;

    public SendReportsService(BuildReport reports, ReceiveAlert alerts, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The alert code of a period's report message. */
    public static String code(ReportPeriod.Kind kind) {
        return kind + "_REPORT";
    }

    @Override
    public boolean send(ReportPeriod period) {
        PeriodReport report = reports.report(period);
        Instant now = clock.instant();
        String path = "/api/v1/reports/" + (period.kind() == ReportPeriod.Kind.DAILY ? "daily?date=" : "weekly?week=")
                + period.label();
        AlertRaised message = new AlertRaised(
                Envelope.root(DerivedIds.from("report", period.kind().name(), period.label()), period.to(), now),
                Severity.INFO,
                SOURCE,
                period.label(),
                code(period.kind()),
                ReportText.summary(report) + "\nRunbook: the whole report is GET " + path + " (HTML: "
                        + path.replace("?", ".html?") + ")");
        return alerts.receive(message) == ReceiveAlert.Receipt.RECORDED;
    }

    @Override
    public boolean sendPreviousDay() {
        return send(reports.previousDay());
    }

    @Override
    public boolean sendPreviousWeek() {
        return send(reports.previousWeek());
    }
}
