package dev.peregrine.monitor.adapter.in.rest.report;

import static dev.peregrine.monitor.adapter.in.rest.report.ReportPage.money;
import static dev.peregrine.monitor.adapter.in.rest.report.ReportPage.number;
import static dev.peregrine.monitor.adapter.in.rest.report.ReportPage.percent;

import dev.peregrine.monitor.domain.report.OutcomeFigures;
import dev.peregrine.monitor.domain.report.PauseDecision;
import dev.peregrine.monitor.domain.report.PeriodReport;
import dev.peregrine.monitor.domain.report.RaisedAlert;
import dev.peregrine.monitor.domain.report.StrategyReport;
import dev.peregrine.monitor.domain.report.TradeFigures;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A report as a PDF (Apache PDFBox, standard fonts only): the same content as the HTML page — notes, the strategy
 * table, best and worst, a chart of the hit rate per strategy with its 95 % Wilson interval and a 50 % line, the
 * auto-pause decisions and the alerts.
 */
final class ReportPdf {

    private static final String ROW = "%-20s %7s %9s %8s %9s %-19s %10s %7s %9s %7s %6s %4s  %s";
    private static final float TABLE_SIZE = 7.5f;
    private static final float LABEL = 150;
    private static final float BAR = 10;
    private static final float BAR_ROW = 16;

    private ReportPdf() {}

    static byte[] render(PeriodReport report) {
        try (PdfCanvas pdf = new PdfCanvas()) {
            pdf.text(ReportPage.title(report), PdfCanvas.BOLD, 16, PdfCanvas.MARGIN);
            pdf.paragraph(
                    "From " + report.period().from() + " to " + report.period().to() + " (exclusive); outcomes at "
                            + report.horizon() + " whose exit candle closed in the period; generated "
                            + report.generatedAt()
                            + ".",
                    PdfCanvas.SANS,
                    9);
            for (String note : report.notes()) {
                pdf.paragraph("Note: " + note, PdfCanvas.SANS, 9);
            }
            if (!report.empty()) {
                body(pdf, report);
            }
            return pdf.toBytes();
        }
    }

    private static void body(PdfCanvas pdf, PeriodReport report) {
        heading(pdf, "Strategies");
        row(
                pdf,
                String.format(
                        Locale.ROOT,
                        ROW,
                        "strategy",
                        "signals",
                        "tradeable",
                        "outcomes",
                        "hit rate",
                        "95 % interval",
                        "expectancy",
                        "PF",
                        "max DD",
                        "Brier",
                        "trades",
                        "won",
                        "realised P&L"));
        List<StrategyReport> lines = new ArrayList<>(report.strategies());
        lines.add(report.overall());
        lines.forEach(line -> row(pdf, line(line)));
        if (report.best() != null) {
            pdf.gap(4);
            pdf.paragraph(
                    "Best: " + report.best() + "; worst: " + report.worst() + " (by expectancy, strategies with at "
                            + "least " + report.rankingMinimum() + " outcomes).",
                    PdfCanvas.SANS,
                    9);
        }
        List<StrategyReport> measured =
                report.strategies().stream().filter(s -> s.outcomes() != null).toList();
        if (!measured.isEmpty()) {
            heading(pdf, "Hit rate with 95 % Wilson interval");
            hitRateChart(pdf, measured);
        }
        heading(pdf, "Auto-pause decisions");
        if (report.decisions().isEmpty()) {
            pdf.paragraph("None.", PdfCanvas.SANS, 9);
        }
        for (PauseDecision d : report.decisions()) {
            pdf.paragraph(
                    d.decidedAt() + "  " + d.strategy() + "  " + d.action() + ": " + d.evidence(), PdfCanvas.SANS, 8);
        }
        heading(pdf, "Alerts raised");
        if (report.alerts().isEmpty()) {
            pdf.paragraph("None.", PdfCanvas.SANS, 9);
            return;
        }
        StringJoiner counts = new StringJoiner(", ");
        report.alertCounts().forEach((severity, n) -> counts.add(n + " " + severity));
        pdf.paragraph(counts.toString(), PdfCanvas.SANS, 9);
        for (RaisedAlert a : report.alerts()) {
            row(pdf, a.eventTime() + "  " + a.severity() + "  " + a.source() + "  " + a.code() + "  " + a.subject());
        }
    }

    private static String line(StrategyReport line) {
        OutcomeFigures o = line.outcomes();
        TradeFigures t = line.trades();
        String trades = t == null ? "0" : String.valueOf(t.trades());
        String won = t == null ? "" : String.valueOf(t.wins());
        String pnl = t == null ? "" : money(t.realisedPnl());
        if (o == null) {
            return String.format(
                    Locale.ROOT,
                    ROW,
                    line.strategy(),
                    line.signals(),
                    line.tradeableSignals(),
                    0,
                    "",
                    "no outcome measured",
                    "",
                    "",
                    "",
                    "",
                    trades,
                    won,
                    pnl);
        }
        return String.format(
                Locale.ROOT,
                ROW,
                line.strategy(),
                line.signals(),
                line.tradeableSignals(),
                o.count(),
                percent(o.hitRate()),
                "[" + percent(o.hitRateLower()) + ", " + percent(o.hitRateUpper()) + "]",
                percent(o.expectancy()),
                number(o.profitFactor()),
                percent(o.maxDrawdown()),
                number(o.brierSkill()),
                trades,
                won,
                pnl);
    }

    private static void hitRateChart(PdfCanvas pdf, List<StrategyReport> lines) {
        float left = PdfCanvas.MARGIN + LABEL;
        float scale = Math.min(400, pdf.width() - LABEL);
        pdf.reserve(BAR_ROW * lines.size() + 12);
        for (StrategyReport line : lines) {
            OutcomeFigures o = line.outcomes();
            pdf.reserve(BAR_ROW);
            pdf.gap(BAR_ROW);
            float bottom = pdf.y();
            pdf.write(line.strategy(), PdfCanvas.SANS, 8, PdfCanvas.MARGIN, bottom + 2);
            if (!Double.isNaN(o.hitRate())) {
                pdf.rectangle(left, bottom, (float) (scale * o.hitRate()), BAR, new Color(0x5b, 0x8d, 0xef));
            }
            float middle = bottom + BAR / 2;
            pdf.line(
                    left + (float) (scale * o.hitRateLower()),
                    middle,
                    left + (float) (scale * o.hitRateUpper()),
                    middle,
                    1.5f,
                    false);
            pdf.write(percent(o.hitRate()) + " of " + o.count(), PdfCanvas.SANS, 7, left + scale + 8, bottom + 2);
        }
        float half = left + scale / 2;
        pdf.line(half, pdf.y() - 2, half, pdf.y() + BAR_ROW * lines.size(), 0.5f, true);
        pdf.text("50 %", PdfCanvas.SANS, 7, half - 8);
    }

    private static void heading(PdfCanvas pdf, String text) {
        pdf.gap(6);
        pdf.reserve(30);
        pdf.text(text, PdfCanvas.BOLD, 12, PdfCanvas.MARGIN);
    }

    private static void row(PdfCanvas pdf, String text) {
        pdf.text(text, PdfCanvas.MONO, TABLE_SIZE, PdfCanvas.MARGIN);
    }
}
