package dev.peregrine.monitor.config.report;

import dev.peregrine.monitor.application.alert.port.in.ReceiveAlert;
import dev.peregrine.monitor.application.report.BuildReport;
import dev.peregrine.monitor.application.report.BuildReportService;
import dev.peregrine.monitor.application.report.ReportSource;
import dev.peregrine.monitor.application.report.SendReports;
import dev.peregrine.monitor.application.report.SendReportsService;
import dev.peregrine.monitor.config.ScheduledJob;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronTrigger;

/** The report use cases and the two jobs that send the previous day's and week's summaries. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    @Bean
    BuildReport buildReport(ReportSource source, ReportProperties properties, Clock clock) {
        return new BuildReportService(source, properties.horizon(), properties.rankingMinimum(), clock);
    }

    @Bean
    SendReports sendReports(BuildReport reports, ReceiveAlert alerts, Clock clock) {
        return new SendReportsService(reports, alerts, clock);
    }

    @Bean
    ScheduledJob dailyReportJob(SendReports send, ReportProperties properties, Clock clock) {
        return new ScheduledJob(
                "daily-report",
                new CronTrigger(properties.dailyCron(), ZoneOffset.UTC),
                send::sendPreviousDay,
                properties.send(),
                clock);
    }

    @Bean
    ScheduledJob weeklyReportJob(SendReports send, ReportProperties properties, Clock clock) {
        return new ScheduledJob(
                "weekly-report",
                new CronTrigger(properties.weeklyCron(), ZoneOffset.UTC),
                send::sendPreviousWeek,
                properties.send(),
                clock);
    }
}
