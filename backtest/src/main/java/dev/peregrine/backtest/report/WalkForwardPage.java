package dev.peregrine.backtest.report;

import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The walk-forward results page: for one or more stored runs, each fold's choice with its in- and out-of-sample
 * score (chart and table), PBO and deflated Sharpe per fold, the in-sample parameter surface of each fold's
 * search (every trial, the chosen point marked, a fold chooser), and a comparison table when
 * several runs are given. Self-contained like the backtest report: the same template slots, ECharts inlined, the
 * charts' data as an escaped JSON island, every table value escaped.
 */
public final class WalkForwardPage {

    static final String TEMPLATE = "walk-forward-template.html";

    private WalkForwardPage() {}

    public static String html(List<WalkForwardRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("the results page needs at least one run");
        }
        Map<String, String> slots = new LinkedHashMap<>();
        String title = "Walk-forward results: "
                + runs.stream().map(WalkForwardRun::runId).collect(Collectors.joining(", "));
        slots.put("HEAD", ReportPage.head(title));
        slots.put("TITLE", Html.escape(title));
        slots.put(
                "COMPARISON",
                runs.size() < 2
                        ? ""
                        : "<h2>Comparison of the runs</h2>\n" + WalkForwardTables.comparison(runs)
                                + "<div id=\"comparison\" class=\"chart\"></div>\n");
        StringBuilder sections = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            WalkForwardRun run = runs.get(i);
            sections.append("<section class=\"run\">\n<h2>Run ")
                    .append(Html.escape(run.runId()))
                    .append("</h2>\n")
                    .append(WalkForwardTables.summary(run))
                    .append("<h3>In-sample vs out-of-sample score per fold</h3>\n")
                    .append("<div id=\"scores-")
                    .append(i)
                    .append("\" class=\"chart\"></div>\n")
                    .append(WalkForwardTables.folds(run))
                    .append("<h3>Overfitting per fold: PBO and deflated Sharpe</h3>\n")
                    .append("<div id=\"overfitting-")
                    .append(i)
                    .append("\" class=\"chart\"></div>\n")
                    .append("<h3>Parameter surface: in-sample score of every trial, per fold</h3>\n")
                    .append("<label>Fold <select id=\"surface-fold-")
                    .append(i)
                    .append("\"></select></label>\n")
                    .append("<div id=\"surface-")
                    .append(i)
                    .append("\" class=\"chart surface\"></div>\n")
                    .append("</section>\n");
        }
        slots.put("RUNS", sections.toString());
        slots.put("ECHARTS", EchartsLibrary.source());
        slots.put("DATA", Html.scriptJson(WalkForwardChartData.json(runs)));
        return Template.resource(TEMPLATE).fill(slots);
    }

    /** Writes the page to {@code file} (its folder created if missing, the file replaced). */
    public static Path write(List<WalkForwardRun> runs, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, html(runs), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results page " + file, e);
        }
    }
}
