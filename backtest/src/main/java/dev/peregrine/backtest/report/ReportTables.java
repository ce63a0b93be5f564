package dev.peregrine.backtest.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The report's tables as HTML, every value escaped: summary, monthly returns heat map, per-group statistics. */
final class ReportTables {

    private ReportTables() {}

    static String summary(RunInfo run, Summary s) {
        StringBuilder out = new StringBuilder("<table class=\"summary\">\n");
        row(out, "Period", Format.time(run.from()) + " to " + Format.time(run.to()));
        row(out, "Symbols", String.join(", ", run.symbols()) + " (" + run.interval() + ")");
        row(out, "Candles", String.format(Locale.ROOT, "%,d", run.candles()));
        row(out, "Configuration", run.configuration());
        row(out, "Starting cash", Format.money(run.startingCash()));
        row(out, "Final equity", Format.money(s.finalEquity()));
        row(out, "Return", Format.percent(s.totalReturn()));
        row(out, "Max drawdown", Format.percent(s.maxDrawdown()));
        row(out, "Sharpe (daily, annualised)", Format.number(s.sharpe()));
        row(out, "Closed trades", Integer.toString(s.trades()));
        row(out, "Win rate", Format.percent(s.winRate()));
        row(
                out,
                "Expectancy after fees (per trade)",
                Format.money(s.expectancy()) + " (" + Format.percent(s.meanNetReturn()) + ")");
        row(out, "Fees paid", Format.money(s.feesPaid()));
        row(out, "Last trade closed", s.lastExit().map(Format::time).orElse("none"));
        return out.append("</table>\n").toString();
    }

    /** One escaped name/value row of a two-column summary table. */
    static void row(StringBuilder out, String name, String value) {
        out.append("<tr><th>")
                .append(Html.escape(name))
                .append("</th><td>")
                .append(Html.escape(value))
                .append("</td></tr>\n");
    }

    /** Years down, months across, each cell coloured by its return (green up, red down, stronger = larger). */
    static String monthly(Map<YearMonth, Double> returns) {
        StringBuilder out = new StringBuilder("<table class=\"monthly\">\n<tr><th>Year</th>");
        for (int m = 1; m <= 12; m++) {
            out.append("<th>")
                    .append(java.time.Month.of(m).getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT))
                    .append("</th>");
        }
        out.append("<th>Year</th></tr>\n");
        for (int year :
                new TreeSet<>(returns.keySet().stream().map(YearMonth::getYear).toList())) {
            out.append("<tr><th>").append(year).append("</th>");
            double compounded = 1.0;
            for (int m = 1; m <= 12; m++) {
                Double r = returns.get(YearMonth.of(year, m));
                if (r == null) {
                    out.append("<td></td>");
                } else {
                    compounded *= 1.0 + r;
                    out.append(cell(r));
                }
            }
            out.append(cell(compounded - 1.0)).append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    private static String cell(double r) {
        double strength = Math.min(1.0, Math.abs(r) / 0.10);
        String colour = r >= 0
                ? String.format(Locale.ROOT, "rgba(46,160,67,%.2f)", 0.1 + 0.7 * strength)
                : String.format(Locale.ROOT, "rgba(218,54,51,%.2f)", 0.1 + 0.7 * strength);
        return "<td style=\"background:" + colour + "\">" + Html.escape(Format.percent(r)) + "</td>";
    }

    /** Risk's decisions by outcome and decisive reason, most frequent first. */
    static String decisions(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder("<table class=\"groups\">\n<tr><th>Decision</th><th>Signals</th></tr>\n");
        if (counts.isEmpty()) {
            out.append("<tr><td colspan=\"2\">no decisions</td></tr>\n");
        }
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.append("<tr><td>")
                        .append(Html.escape(e.getKey()))
                        .append("</td><td>")
                        .append(e.getValue())
                        .append("</td></tr>\n"));
        return out.append("</table>\n").toString();
    }

    static String groups(String heading, List<GroupStats> rows) {
        StringBuilder out = new StringBuilder("<table class=\"groups\">\n<tr><th>")
                .append(Html.escape(heading))
                .append("</th><th>Signals</th><th>Taken</th><th>Closed trades</th><th>Hit rate</th>")
                .append("<th>Mean return after fees</th></tr>\n");
        if (rows.isEmpty()) {
            out.append("<tr><td colspan=\"6\">no signals</td></tr>\n");
        }
        for (GroupStats g : rows) {
            out.append("<tr><td>")
                    .append(Html.escape(g.group()))
                    .append("</td><td>")
                    .append(g.signals())
                    .append("</td><td>")
                    .append(g.taken())
                    .append("</td><td>")
                    .append(g.closed())
                    .append("</td><td>")
                    .append(Html.escape(Format.percent(g.hitRate())))
                    .append("</td><td>")
                    .append(Html.escape(Format.percent(g.meanNetReturn())))
                    .append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }
}
