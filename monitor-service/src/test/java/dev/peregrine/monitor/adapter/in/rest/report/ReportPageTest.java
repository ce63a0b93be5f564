package dev.peregrine.monitor.adapter.in.rest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.monitor.domain.report.PeriodFacts;
import dev.peregrine.monitor.domain.report.PeriodReport;
import dev.peregrine.monitor.domain.report.ReportFacts;
import dev.peregrine.monitor.domain.report.ReportPeriod;
import dev.peregrine.monitor.domain.report.SignalCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {

    private static final Instant AFTER = Instant.parse("2026-12-07T00:05:00Z");

    @Test
    void aReportIsOneSelfContainedPageWithItsChartsAndTables() {
        String page = ReportPage.render(PeriodReport.of(
                ReportPeriod.day("2026-12-06"), Duration.ofHours(4), AFTER, ReportFacts.sixthOfDecember(), 10));

        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .endsWith("</html>\n")
                .contains(
                        "<title>Daily report 2026-12-06 (UTC)</title>",
                        "Hit rate with 95 % Wilson interval",
                        "Expectancy per outcome",
                        "Best: <b>momentum</b>",
                        "STRATEGY_AUTO_PAUSED",
                        "12.5 USDT")
                .doesNotContain("<script", "http://", "https://", "src=");
        assertThat(page.split("<svg", -1)).hasSize(3);
    }

    @Test
    void namesFromTheDataAreEscapedAndAnEmptyPeriodSaysSo() {
        PeriodFacts odd = new PeriodFacts(
                List.of(new SignalCount("<b>x&y</b>", 1, 0)), List.of(), List.of(), List.of(), List.of());
        String page =
                ReportPage.render(PeriodReport.of(ReportPeriod.day("2026-12-06"), Duration.ofHours(4), AFTER, odd, 10));
        assertThat(page)
                .contains("&lt;b&gt;x&amp;y&lt;/b&gt;", "no outcome measured")
                .doesNotContain("<b>x&y");

        String empty = ReportPage.render(
                PeriodReport.of(ReportPeriod.week("2026-W49"), Duration.ofHours(4), AFTER, ReportFacts.nothing(), 10));
        assertThat(empty).contains("nothing was stored for 2026-W49").doesNotContain("<table", "<svg");
    }
}
