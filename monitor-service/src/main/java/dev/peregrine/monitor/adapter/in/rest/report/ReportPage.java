package dev.peregrine.monitor.adapter.in.rest.report;

import dev.peregrine.monitor.domain.report.OutcomeFigures;
import dev.peregrine.monitor.domain.report.PauseDecision;
import dev.peregrine.monitor.domain.report.PeriodReport;
import dev.peregrine.monitor.domain.report.RaisedAlert;
import dev.peregrine.monitor.domain.report.StrategyReport;
import dev.peregrine.monitor.domain.report.TradeFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A report as one self-contained HTML page: inline CSS, two inline SVG charts (hit rate per strategy with its 95 %
 * Wilson interval, expectancy per strategy), and tables of the strategies, the auto-pause decisions and the alerts.
 * No script, no external resource; every text from the data is escaped.
 */
final class ReportPage {

    private static final int WIDTH = 640;
    private static final int ROW = 26;
    private static final int LABEL = 150;

    private ReportPage() {}

    static String render(PeriodReport report) {
        String title = title(report);
        StringBuilder html =
                new StringBuilder(8192).append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>""").append(escape(title)).append("""
                </title><style>
                body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
                th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}
                .note{background:#fff7d6;padding:6px 10px;border-left:4px solid #e0b000}svg text{font-size:12px}
                </style></head><body>
                """);
        html.append("<h1>")
                .append(escape(title))
                .append("</h1>\n<p>From ")
                .append(report.period().from())
                .append(" to ")
                .append(report.period().to())
                .append(" (exclusive); outcomes at ")
                .append(escape(report.horizon().toString()))
                .append(" whose exit candle closed in the period; generated ")
                .append(report.generatedAt())
                .append(".</p>\n");
        for (String note : report.notes()) {
            html.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
        }
        if (report.empty()) {
            return html.append("</body></html>\n").toString();
        }
        List<StrategyReport> lines = new ArrayList<>(report.strategies());
        lines.add(report.overall());
        html.append("<h2>Strategies</h2>\n").append(table(lines));
        if (report.best() != null) {
            html.append("<p>Best: <b>")
                    .append(escape(report.best()))
                    .append("</b>; worst: <b>")
                    .append(escape(report.worst()))
                    .append("</b> (by expectancy, strategies with at least ")
                    .append(report.rankingMinimum())
                    .append(" outcomes).</p>\n");
        }
        List<StrategyReport> measured =
                report.strategies().stream().filter(s -> s.outcomes() != null).toList();
        if (!measured.isEmpty()) {
            html.append("<h2>Hit rate with 95 % Wilson interval</h2>\n").append(hitRateChart(measured));
            html.append("<h2>Expectancy per outcome (after costs)</h2>\n").append(expectancyChart(measured));
        }
        html.append("<h2>Auto-pause decisions</h2>\n").append(decisions(report.decisions()));
        html.append("<h2>Alerts raised</h2>\n").append(alerts(report));
        return html.append("</body></html>\n").toString();
    }

    /** "Daily report 2026-12-06 (UTC)", "Weekly report 2026-W49 (UTC)". */
    static String title(PeriodReport report) {
        return (report.period().kind().name().equals("DAILY") ? "Daily" : "Weekly") + " report "
                + report.period().label() + " (UTC)";
    }

    private static String table(List<StrategyReport> lines) {
        StringBuilder t = new StringBuilder("<table><tr><th>strategy</th><th>signals</th><th>tradeable</th>"
                + "<th>outcomes</th><th>hit rate</th><th>95 % interval</th><th>expectancy</th><th>profit factor</th>"
                + "<th>max drawdown</th><th>Brier skill</th><th>calibration error</th><th>trades</th><th>won</th>"
                + "<th>realised P&amp;L</th></tr>\n");
        for (StrategyReport line : lines) {
            OutcomeFigures o = line.outcomes();
            TradeFigures tr = line.trades();
            t.append("<tr><td>")
                    .append(escape(line.strategy()))
                    .append("</td><td>")
                    .append(line.signals())
                    .append("</td><td>")
                    .append(line.tradeableSignals())
                    .append("</td>");
            if (o == null) {
                t.append("<td>0</td><td colspan=\"7\">no outcome measured</td>");
            } else {
                t.append(cells(
                        String.valueOf(o.count()),
                        percent(o.hitRate()),
                        "[" + percent(o.hitRateLower()) + ", " + percent(o.hitRateUpper()) + "]",
                        percent(o.expectancy()),
                        number(o.profitFactor()),
                        percent(o.maxDrawdown()),
                        number(o.brierSkill()),
                        number(o.calibrationError())));
            }
            t.append(
                    tr == null
                            ? "<td>0</td><td></td><td></td>"
                            : cells(
                                    String.valueOf(tr.trades()),
                                    String.valueOf(tr.wins()),
                                    escape(money(tr.realisedPnl()))));
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String hitRateChart(List<StrategyReport> lines) {
        int height = ROW * lines.size() + 30;
        double scale = WIDTH - LABEL - 20;
        StringBuilder svg = svg(height);
        double half = LABEL + scale / 2;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\" "
                        + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%d\">50 %%</text>",
                half,
                half,
                height - 20,
                half - 12,
                height - 5));
        for (int i = 0; i < lines.size(); i++) {
            OutcomeFigures o = lines.get(i).outcomes();
            int y = i * ROW + 4;
            svg.append(label(lines.get(i).strategy(), y));
            if (!Double.isNaN(o.hitRate())) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" "
                                + "fill=\"#5b8def\"><title>%s</title></rect>",
                        LABEL,
                        y,
                        scale * o.hitRate(),
                        escape(percent(o.hitRate()) + " of " + o.count())));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#222\" " + "stroke-width=\"2\"/>",
                    LABEL + scale * o.hitRateLower(),
                    y + 8,
                    LABEL + scale * o.hitRateUpper(),
                    y + 8));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String expectancyChart(List<StrategyReport> lines) {
        double largest = lines.stream()
                .mapToDouble(l -> Math.abs(l.outcomes().expectancy()))
                .filter(Double::isFinite)
                .max()
                .orElse(0);
        int height = ROW * lines.size() + 10;
        double zero = LABEL + (WIDTH - LABEL - 20) / 2.0;
        double scale = largest == 0 ? 0 : (WIDTH - LABEL - 40) / 2.0 / largest;
        StringBuilder svg = svg(height);
        svg.append(String.format(
                Locale.ROOT, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>", zero, zero, height));
        for (int i = 0; i < lines.size(); i++) {
            double e = lines.get(i).outcomes().expectancy();
            int y = i * ROW + 4;
            svg.append(label(lines.get(i).strategy(), y));
            double w = Math.abs(e) * scale;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" "
                            + "fill=\"%s\"/><text x=\"%.1f\" y=\"%d\">%s</text>",
                    e < 0 ? zero - w : zero,
                    y,
                    w,
                    e < 0 ? "#d9534f" : "#5cb85c",
                    e < 0 ? zero + 4 : zero + w + 4,
                    y + 13,
                    escape(percent(e))));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String decisions(List<PauseDecision> decisions) {
        if (decisions.isEmpty()) {
            return "<p>None.</p>\n";
        }
        StringBuilder t =
                new StringBuilder("<table><tr><th>time</th><th>strategy</th><th>action</th><th>evidence</th></tr>\n");
        for (PauseDecision d : decisions) {
            t.append("<tr><td>")
                    .append(d.decidedAt())
                    .append("</td>")
                    .append(cells(escape(d.strategy()), escape(d.action())))
                    .append("<td style=\"text-align:left\">")
                    .append(escape(d.evidence()))
                    .append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static String alerts(PeriodReport report) {
        if (report.alerts().isEmpty()) {
            return "<p>None.</p>\n";
        }
        StringJoiner counts = new StringJoiner(", ");
        report.alertCounts().forEach((severity, n) -> counts.add(n + " " + severity));
        StringBuilder t = new StringBuilder("<p>")
                .append(counts)
                .append("</p>\n<table><tr><th>time</th>"
                        + "<th>severity</th><th>source</th><th>code</th><th>subject</th></tr>\n");
        for (RaisedAlert a : report.alerts()) {
            t.append("<tr><td>")
                    .append(a.eventTime())
                    .append("</td>")
                    .append(cells(a.severity().name(), escape(a.source()), escape(a.code()), escape(a.subject())))
                    .append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static StringBuilder svg(int height) {
        return new StringBuilder()
                .append("<svg width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\">");
    }

    private static String label(String text, int y) {
        return "<text x=\"0\" y=\"" + (y + 13) + "\">" + escape(text) + "</text>";
    }

    private static String cells(String... values) {
        StringBuilder cells = new StringBuilder();
        for (String value : values) {
            cells.append("<td>").append(value).append("</td>");
        }
        return cells.toString();
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    static String number(double value) {
        return Double.isNaN(value)
                ? "n/a"
                : Double.isInfinite(value) ? "\u221e" : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Amounts per currency, unescaped: "12.5 USDT, 0.1 BTC". */
    static String money(Map<String, BigDecimal> amounts) {
        StringJoiner joined = new StringJoiner(", ");
        amounts.forEach(
                (currency, amount) -> joined.add(amount.stripTrailingZeros().toPlainString() + " " + currency));
        return joined.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
