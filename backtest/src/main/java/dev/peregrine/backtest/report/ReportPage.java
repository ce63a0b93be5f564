package dev.peregrine.backtest.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The self-contained HTML report: the template with its tables, ECharts inlined and the charts' data as a JSON
 * island; it loads nothing from the network.
 */
public final class ReportPage {

    static final String TEMPLATE = "report-template.html";
    /** The head and style sheet both pages (this report and the walk-forward results) share, inlined. */
    static final String HEAD = "page-head.html";

    static final String STYLE = "report.css";

    private ReportPage() {}

    public static String html(ReportData data) {
        Summary summary = Summary.of(data);
        double start = data.run().startingCash().doubleValue();
        Map<String, String> slots = new LinkedHashMap<>();
        String title = "Backtest " + String.join(", ", data.run().symbols()) + " "
                + data.run().interval();
        slots.put("HEAD", head(title));
        slots.put("TITLE", Html.escape(title));
        slots.put("SUMMARY", ReportTables.summary(data.run(), summary));
        slots.put("MONTHLY", ReportTables.monthly(PeriodReturns.monthly(start, data.equity())));
        slots.put("STRATEGIES", ReportTables.groups("Strategy", GroupStats.byStrategy(data.signals(), data.trades())));
        slots.put("GRADES", ReportTables.groups("Grade", GroupStats.byGrade(data.signals(), data.trades())));
        slots.put("DECISIONS", ReportTables.decisions(data.decisions()));
        slots.put("ECHARTS", EchartsLibrary.source());
        slots.put("DATA", Html.scriptJson(ChartData.json(data)));
        return Template.resource(TEMPLATE).fill(slots);
    }

    /** The pages' shared head: the escaped title and the inlined style sheet. */
    static String head(String title) {
        return Template.resource(HEAD).fill(Map.of("TITLE", Html.escape(title), "STYLE", Template.resourceText(STYLE)));
    }
}
