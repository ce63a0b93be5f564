package dev.peregrine.monitor.adapter.in.rest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.monitor.domain.report.PeriodFacts;
import dev.peregrine.monitor.domain.report.PeriodReport;
import dev.peregrine.monitor.domain.report.ReportFacts;
import dev.peregrine.monitor.domain.report.ReportPeriod;
import dev.peregrine.monitor.domain.report.SignalCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportPdfTest {

    private static final Instant AFTER = Instant.parse("2026-12-07T00:05:00Z");

    @Test
    void aReportIsAPdfWithTheSameFiguresAsThePage() throws IOException {
        PeriodReport report = PeriodReport.of(
                ReportPeriod.day("2026-12-06"), Duration.ofHours(4), AFTER, ReportFacts.sixthOfDecember(), 10);
        byte[] pdf = ReportPdf.render(report);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text)
                .contains(
                        "Daily report 2026-12-06 (UTC)",
                        "Strategies",
                        "Hit rate with 95 % Wilson interval",
                        "Best: momentum",
                        "STRATEGY_AUTO_PAUSED",
                        "12.5 USDT",
                        "Auto-pause decisions",
                        "Alerts raised");
        // Every strategy's hit rate as the HTML page gives it.
        for (var line : report.strategies()) {
            assertThat(text).contains(line.strategy());
            if (line.outcomes() != null) {
                assertThat(text).contains(ReportPage.percent(line.outcomes().hitRate()));
            }
        }
    }

    @Test
    void anEmptyPeriodSaysSoAndCharactersTheFontsLackAreReplaced() throws IOException {
        String empty = text(ReportPdf.render(
                PeriodReport.of(ReportPeriod.week("2026-W49"), Duration.ofHours(4), AFTER, ReportFacts.nothing(), 10)));
        assertThat(empty)
                .contains("Weekly report 2026-W49 (UTC)", "nothing was stored for 2026-W49")
                .doesNotContain("Strategies");

        PeriodFacts odd = new PeriodFacts(
                List.of(new SignalCount("\u03b1-\u2265\u2212x\u221e", 1, 0)),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        String text = text(
                ReportPdf.render(PeriodReport.of(ReportPeriod.day("2026-12-06"), Duration.ofHours(4), AFTER, odd, 10)));
        assertThat(text).contains("?->=-xinf", "no outcome measured");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
