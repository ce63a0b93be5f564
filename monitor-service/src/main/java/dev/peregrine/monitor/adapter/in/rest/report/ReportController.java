package dev.peregrine.monitor.adapter.in.rest.report;

import dev.peregrine.monitor.application.report.BuildReport;
import dev.peregrine.monitor.domain.report.PeriodReport;
import dev.peregrine.monitor.domain.report.ReportPeriod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/daily?date=2026-12-06} and {@code /weekly?week=2026-W49} as JSON, and the same as a
 * self-contained HTML page ({@code daily.html}, {@code weekly.html}) and a PDF ({@code daily.pdf},
 * {@code weekly.pdf}); VIEWER like every GET. Without a parameter, the
 * last whole day or week (UTC). A malformed period or one that has not started is a 400.
 */
@RestController
public class ReportController {

    private final BuildReport reports;

    public ReportController(BuildReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/daily")
    public PeriodReport daily(@RequestParam(required = false) String date) {
        return reports.report(date == null || date.isBlank() ? reports.previousDay() : ReportPeriod.day(date));
    }

    @GetMapping("/api/v1/reports/weekly")
    public PeriodReport weekly(@RequestParam(required = false) String week) {
        return reports.report(week == null || week.isBlank() ? reports.previousWeek() : ReportPeriod.week(week));
    }

    @GetMapping(value = "/api/v1/reports/daily.html", produces = MediaType.TEXT_HTML_VALUE)
    public String dailyPage(@RequestParam(required = false) String date) {
        return ReportPage.render(daily(date));
    }

    @GetMapping(value = "/api/v1/reports/weekly.html", produces = MediaType.TEXT_HTML_VALUE)
    public String weeklyPage(@RequestParam(required = false) String week) {
        return ReportPage.render(weekly(week));
    }

    @GetMapping(value = "/api/v1/reports/daily.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public byte[] dailyPdf(@RequestParam(required = false) String date) {
        return ReportPdf.render(daily(date));
    }

    @GetMapping(value = "/api/v1/reports/weekly.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public byte[] weeklyPdf(@RequestParam(required = false) String week) {
        return ReportPdf.render(weekly(week));
    }
}
