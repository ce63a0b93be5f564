package dev.peregrine.backtest.report;

import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The results page's data island: per run, each fold's in- and out-of-sample score, PBO and deflated Sharpe (null
 * when the fold could not support them), and the parameter surface: its axes and, per fold, the in-sample score
 * of every evaluated point with the chosen one marked.
 */
final class WalkForwardChartData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WalkForwardChartData() {}

    static String json(List<WalkForwardRun> runs) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("runs");
        for (WalkForwardRun run : runs) {
            ObjectNode node = array.addObject();
            node.put("runId", run.runId());
            node.put("meanInSample", run.meanInSampleScore());
            node.put("meanOutOfSample", run.meanOutOfSampleScore());
            ArrayNode folds = node.putArray("folds");
            for (FoldResult f : run.folds()) {
                ObjectNode fold = folds.addObject();
                fold.put("index", f.index());
                fold.put(
                        "test",
                        Format.time(f.test().from()) + " to "
                                + Format.time(f.test().to()));
                fold.put("chosen", WalkForwardTables.chosen(f.chosen().values()));
                fold.put("inSample", f.inSample().score());
                fold.put("outOfSample", f.outOfSample().score());
                fold.put("pbo", f.pbo() == null ? null : f.pbo().probabilityOfOverfitting());
                fold.put(
                        "deflatedSharpe",
                        f.deflatedSharpe() == null ? null : f.deflatedSharpe().deflatedSharpe());
            }
            surface(node.putObject("surface"), ParameterSurface.of(run));
        }
        return JSON.writeValueAsString(root);
    }

    private static void surface(ObjectNode node, ParameterSurface surface) {
        ArrayNode axes = node.putArray("axes");
        for (ParameterSurface.Axis axis : surface.axes()) {
            ObjectNode a = axes.addObject();
            a.put("name", axis.name());
            ArrayNode values = a.putArray("values");
            axis.values().forEach(values::add);
        }
        ArrayNode folds = node.putArray("folds");
        for (ParameterSurface.FoldSurface fold : surface.folds()) {
            ObjectNode f = folds.addObject();
            f.put("index", fold.index());
            if (fold.chosen() == null) {
                f.putNull("chosen");
            } else {
                ArrayNode chosen = f.putArray("chosen");
                for (int p : fold.chosen()) {
                    chosen.add(p);
                }
            }
            f.put("inSample", fold.inSample());
            f.put("outOfSample", fold.outOfSample());
            ArrayNode cells = f.putArray("cells");
            for (ParameterSurface.Cell cell : fold.cells()) {
                ArrayNode c = cells.addArray();
                for (int p : cell.position()) {
                    c.add(p);
                }
                c.add(cell.score()).add(cell.trials());
            }
        }
    }
}
