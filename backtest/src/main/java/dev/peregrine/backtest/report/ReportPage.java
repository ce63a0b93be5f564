package dev.peregrine.backtest.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The self-contained HTML report: the template with its tables, ECharts inlined and the charts' data as a JSON
 * island; it loads nothing from the network.
 */
public final class ReportPage {

    static final String TEMPLATE = "report-template.html";

    private ReportPage() {
    }

    public static String html(ReportData data) {
        Summary summary = Summary.of(data);
        double start = data.run().startingCash().doubleValue();
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("TITLE", Html.escape("Backtest " + String.join(", ", data.run().symbols()) + " "
                + data.run().interval()));
        slots.put("SUMMARY", ReportTables.summary(data.run(), summary));
        slots.put("MONTHLY", ReportTables.monthly(PeriodReturns.monthly(start, data.equity())));
        slots.put("STRATEGIES", ReportTables.groups("Strategy", GroupStats.byStrategy(data.signals(), data.trades())));
        slots.put("GRADES", ReportTables.groups("Grade", GroupStats.byGrade(data.signals(), data.trades())));
        slots.put("DECISIONS", ReportTables.decisions(data.decisions()));
        slots.put("ECHARTS", EchartsLibrary.source());
        slots.put("DATA", Html.scriptJson(ChartData.json(data)));
        return Template.resource(TEMPLATE).fill(slots);
    }
}
