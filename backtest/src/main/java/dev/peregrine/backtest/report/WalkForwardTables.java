package dev.peregrine.backtest.report;

import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.Parameter;
import dev.peregrine.backtest.research.stats.ReturnStats;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The walk-forward results page's tables as HTML, every value escaped: a run's summary, its folds, the comparison. */
final class WalkForwardTables {

    private static final int SCORE_DIGITS = 5;

    private WalkForwardTables() {}

    static String summary(WalkForwardRun run) {
        StringBuilder out = new StringBuilder("<table class=\"summary\">\n");
        ReportTables.row(out, "Run", run.runId() + " (" + Format.time(run.createdAt()) + ")");
        ReportTables.row(
                out,
                "Search",
                run.search().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
        ReportTables.row(
                out,
                "Space",
                run.space().parameters().stream()
                        .map(WalkForwardTables::describe)
                        .collect(Collectors.joining("; ")));
        ReportTables.row(
                out,
                "Fitting range",
                Format.time(run.fittingRange().from()) + " to "
                        + Format.time(run.fittingRange().to()));
        ReportTables.row(out, "Holdout (never read)", "from " + Format.time(run.holdoutStart()));
        ReportTables.row(
                out,
                "Plan",
                run.plan().scheme() + ": train " + run.plan().trainLength() + ", test "
                        + run.plan().testLength() + ", label horizon "
                        + run.plan().labelHorizon() + ", embargo "
                        + run.plan().embargo());
        ReportTables.row(out, "Folds", Integer.toString(run.folds().size()));
        ReturnStats oos = run.outOfSample();
        ReportTables.row(
                out,
                "Out of sample (the result)",
                oos.count() + " trades, hit rate "
                        + Format.percent(oos.hitRate()) + ", mean " + perTrade(oos.mean()) + ", total "
                        + Format.percent(oos.total()) + ", Sharpe per trade " + Format.fixed(oos.sharpe(), 3));
        ReportTables.row(
                out,
                "Probabilistic Sharpe out of sample (vs 0)",
                Format.fixed(run.outOfSampleProbabilisticSharpe(), 3));
        ReportTables.row(
                out,
                "Mean score in sample vs out of sample",
                score(run.meanInSampleScore()) + " vs " + score(run.meanOutOfSampleScore()));
        return out.append("</table>\n").toString();
    }

    /** One row per fold: what was chosen on the training window and how it did on the test window. */
    static String folds(WalkForwardRun run) {
        StringBuilder out = new StringBuilder("<table class=\"folds\">\n<tr><th>Fold</th><th>Train</th><th>Test</th>"
                + "<th>Trials</th><th>Chosen</th><th>In-sample score</th><th>Out-of-sample score</th>"
                + "<th>In-sample trades</th><th>Out-of-sample trades</th><th>Out-of-sample hit rate</th>"
                + "<th>PBO</th><th>Deflated Sharpe</th></tr>\n");
        for (FoldResult f : run.folds()) {
            out.append("<tr class=\"fold\">");
            cell(out, Integer.toString(f.index()));
            cell(
                    out,
                    Format.time(f.train().from()) + " to "
                            + Format.time(f.train().to()));
            cell(
                    out,
                    Format.time(f.test().from()) + " to " + Format.time(f.test().to()));
            cell(out, Integer.toString(f.trials()));
            cell(out, chosen(f.chosen().values()));
            cell(out, score(f.inSample().score()));
            cell(out, score(f.outOfSample().score()));
            cell(out, Integer.toString(f.inSample().trades().count()));
            cell(out, Integer.toString(f.outOfSample().trades().count()));
            cell(out, Format.percent(f.outOfSample().trades().hitRate()));
            cell(out, f.pbo() == null ? "n/a" : Format.fixed(f.pbo().probabilityOfOverfitting(), 3));
            cell(
                    out,
                    f.deflatedSharpe() == null
                            ? "n/a"
                            : Format.fixed(f.deflatedSharpe().deflatedSharpe(), 3));
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    /** One row per run, side by side: out-of-sample figures first, in-sample only to show the decay. */
    static String comparison(List<WalkForwardRun> runs) {
        StringBuilder out = new StringBuilder("<table class=\"comparison\">\n<tr><th>Run</th><th>Space</th>"
                + "<th>Search</th><th>Folds</th><th>Out-of-sample trades</th><th>Out-of-sample hit rate</th>"
                + "<th>Out-of-sample mean per trade</th><th>Out-of-sample total</th><th>Out-of-sample PSR</th>"
                + "<th>Mean in-sample score</th><th>Mean out-of-sample score</th><th>Mean PBO</th>"
                + "<th>Mean deflated Sharpe</th></tr>\n");
        for (WalkForwardRun run : runs) {
            out.append("<tr class=\"run\">");
            cell(out, run.runId());
            cell(out, run.space().parameters().stream().map(Parameter::name).collect(Collectors.joining(", ")));
            cell(out, run.search().getOrDefault("type", "?"));
            cell(out, Integer.toString(run.folds().size()));
            cell(out, Integer.toString(run.outOfSample().count()));
            cell(out, Format.percent(run.outOfSample().hitRate()));
            cell(out, perTrade(run.outOfSample().mean()));
            cell(out, Format.percent(run.outOfSample().total()));
            cell(out, Format.fixed(run.outOfSampleProbabilisticSharpe(), 3));
            cell(out, score(run.meanInSampleScore()));
            cell(out, score(run.meanOutOfSampleScore()));
            cell(
                    out,
                    mean(run.folds().stream()
                            .filter(f -> f.pbo() != null)
                            .mapToDouble(f -> f.pbo().probabilityOfOverfitting())
                            .average()));
            cell(
                    out,
                    mean(run.folds().stream()
                            .filter(f -> f.deflatedSharpe() != null)
                            .mapToDouble(f -> f.deflatedSharpe().deflatedSharpe())
                            .average()));
            out.append("</tr>\n");
        }
        return out.append("</table>\n").toString();
    }

    static String chosen(Map<String, Object> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + ParameterSurface.key(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String describe(Parameter p) {
        return p.name() + " (" + p.size() + " values: " + ParameterSurface.key(p.valueAt(0))
                + (p.size() > 1 ? " .. " + ParameterSurface.key(p.valueAt(p.size() - 1)) : "") + ")";
    }

    /** Per-trade means are small fractions of a per cent: four decimals so they do not print as 0.00 %. */
    private static String perTrade(double fraction) {
        return Format.fixed(fraction * 100.0, 4) + " %";
    }

    private static String score(double value) {
        return Format.fixed(value, SCORE_DIGITS);
    }

    private static String mean(OptionalDouble value) {
        return value.isPresent() ? Format.fixed(value.getAsDouble(), 3) : "n/a";
    }

    private static void cell(StringBuilder out, String text) {
        out.append("<td>").append(Html.escape(text)).append("</td>");
    }
}
