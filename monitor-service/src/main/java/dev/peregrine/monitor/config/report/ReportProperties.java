package dev.peregrine.monitor.config.report;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Daily and weekly reports ({@code peregrine.monitor.reports.*}); defaults here. Crons are Spring's six fields
 * (second minute hour day month weekday), evaluated in UTC.
 *
 * @param horizon        the outcome horizon a report counts (default 4h)
 * @param rankingMinimum outcomes a strategy needs in the period to be named best or worst (default 20)
 * @param send           send each report's summary to the alert channels on schedule (default true)
 * @param dailyCron      when the previous day's summary is sent (default {@code 0 5 0 * * *}, 00:05 UTC)
 * @param weeklyCron     when the previous ISO week's summary is sent (default {@code 0 10 0 * * MON}, Monday 00:10 UTC)
 */
@Validated
@ConfigurationProperties("peregrine.monitor.reports")
public record ReportProperties(
        Duration horizon,

        @Min(value = 1, message = "set peregrine.monitor.reports.ranking-minimum to at least 1, e.g. 20")
        Integer rankingMinimum,

        Boolean send,
        String dailyCron,
        String weeklyCron) {

    public ReportProperties {
        horizon = horizon == null ? Duration.ofHours(4) : horizon;
        rankingMinimum = rankingMinimum == null ? 20 : rankingMinimum;
        send = send == null || send;
        dailyCron = dailyCron == null || dailyCron.isBlank() ? "0 5 0 * * *" : dailyCron.strip();
        weeklyCron = weeklyCron == null || weeklyCron.isBlank() ? "0 10 0 * * MON" : weeklyCron.strip();
    }

    @AssertTrue(message = "set peregrine.monitor.reports.horizon to a positive duration, e.g. 4h")
    public boolean isHorizonValid() {
        return horizon.isPositive();
    }

    @AssertTrue(message = "set peregrine.monitor.reports.daily-cron to a six-field cron in UTC, e.g. '0 5 0 * * *'")
    public boolean isDailyCronValid() {
        return CronExpression.isValidExpression(dailyCron);
    }

    @AssertTrue(message = "set peregrine.monitor.reports.weekly-cron to a six-field cron in UTC, e.g. '0 10 0 * * MON'")
    public boolean isWeeklyCronValid() {
        return CronExpression.isValidExpression(weeklyCron);
    }
}
