package dev.peregrine.backtest.report;

import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-sample scores over a run's parameter space, aggregated over its folds: one axis per parameter (the first two
 * of the space, leaving out one of more than {@link #MAX_AXIS_VALUES} values; a heat map for two, a line for one),
 * every declared value on its axis, and per cell the mean
 * in-sample score of the folds whose search chose that point (with their count and mean out-of-sample score).
 * A stored run keeps each fold's chosen point and its scores, not every trial's, so cells no fold chose are empty,
 * not estimated.
 *
 * @param axes  one or two parameter axes
 * @param cells the chosen points
 */
record ParameterSurface(List<Axis> axes, List<Cell> cells) {

    /** Axes longer than this are not drawn value by value (a heat map of thousands of columns says nothing). */
    static final int MAX_AXIS_VALUES = 200;

    /** @param values every declared value of the parameter, as the page prints it */
    record Axis(String name, List<String> values) {}

    /** @param position index on each axis */
    record Cell(int[] position, double meanInSample, double meanOutOfSample, int folds) {}

    static ParameterSurface of(WalkForwardRun run) {
        List<Axis> axes = new ArrayList<>();
        for (Parameter p : run.space()
                .parameters()
                .subList(0, Math.min(2, run.space().parameters().size()))) {
            if (p.size() > MAX_AXIS_VALUES) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                values.add(key(p.valueAt(i)));
            }
            axes.add(new Axis(p.name(), values));
        }
        Map<List<Integer>, List<FoldResult>> byPoint = new LinkedHashMap<>();
        for (FoldResult fold : axes.isEmpty() ? List.<FoldResult>of() : run.folds()) {
            List<Integer> position = new ArrayList<>();
            for (Axis axis : axes) {
                position.add(axis.values().indexOf(key(fold.chosen().values().get(axis.name()))));
            }
            if (!position.contains(-1)) {
                byPoint.computeIfAbsent(position, k -> new ArrayList<>()).add(fold);
            }
        }
        List<Cell> cells = byPoint.entrySet().stream()
                .map(e -> new Cell(
                        e.getKey().stream().mapToInt(Integer::intValue).toArray(),
                        e.getValue().stream()
                                .mapToDouble(f -> f.inSample().score())
                                .average()
                                .orElseThrow(),
                        e.getValue().stream()
                                .mapToDouble(f -> f.outOfSample().score())
                                .average()
                                .orElseThrow(),
                        e.getValue().size()))
                .toList();
        return new ParameterSurface(List.copyOf(axes), cells);
    }

    /** The same number read back from JSON (0.450 or 0.45, 2 or 2.0) prints the same. */
    static String key(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
