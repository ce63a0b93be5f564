package dev.peregrine.backtest.report;

import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.TrialScore;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.Parameter;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-sample score surface each fold's search saw, over two declared parameters of the run's space (the first
 * two, leaving out one of more than {@link #MAX_AXIS_VALUES} values; a heat map for two, a line for one): one cell
 * per point of those axes that the search evaluated, holding the best in-sample score among the trials at that
 * point (with more than two parameters the others vary within a cell, and the cell shows the best of them, as a
 * profile of the surface) and how many trials it summarises. Each fold also names its chosen point and that
 * point's in- and out-of-sample score, so the page can mark the choice on the surface. A run stored before every
 * trial was kept has only the chosen point per fold; points the search did not evaluate are empty, not estimated.
 *
 * @param axes  one or two parameter axes
 * @param folds one surface per fold, in the run's order
 */
record ParameterSurface(List<Axis> axes, List<FoldSurface> folds) {

    /** Axes longer than this are not drawn value by value (a heat map of thousands of columns says nothing). */
    static final int MAX_AXIS_VALUES = 200;

    /** @param values every declared value of the parameter, as the page prints it */
    record Axis(String name, List<String> values) {}

    /**
     * @param position index on each axis
     * @param score    the best in-sample score of the trials at this point
     * @param trials   how many trials the cell summarises
     */
    record Cell(int[] position, double score, int trials) {}

    /**
     * @param index       the fold's number
     * @param chosen      the chosen point's index on each axis, null when it is off the axes
     * @param inSample    the chosen point's in-sample score
     * @param outOfSample the chosen point's out-of-sample score (the fold's result)
     * @param cells       the evaluated points, in the order first evaluated
     */
    record FoldSurface(int index, int[] chosen, double inSample, double outOfSample, List<Cell> cells) {}

    static ParameterSurface of(WalkForwardRun run) {
        List<Axis> axes = new ArrayList<>();
        List<Parameter> declared = run.space().parameters();
        for (Parameter p : declared.subList(0, Math.min(2, declared.size()))) {
            if (p.size() > MAX_AXIS_VALUES) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                values.add(key(p.valueAt(i)));
            }
            axes.add(new Axis(p.name(), values));
        }
        List<FoldSurface> folds = new ArrayList<>();
        for (FoldResult fold : axes.isEmpty() ? List.<FoldResult>of() : run.folds()) {
            folds.add(foldSurface(axes, fold));
        }
        return new ParameterSurface(List.copyOf(axes), List.copyOf(folds));
    }

    private static FoldSurface foldSurface(List<Axis> axes, FoldResult fold) {
        List<TrialScore> trials = fold.trialScores().isEmpty()
                ? List.of(new TrialScore(
                        fold.chosen(),
                        fold.inSample().score(),
                        fold.inSample().trades().count()))
                : fold.trialScores();
        Map<List<Integer>, double[]> byPoint = new LinkedHashMap<>();
        for (TrialScore trial : trials) {
            List<Integer> position = position(axes, trial.parameters());
            if (position != null) {
                double[] cell = byPoint.computeIfAbsent(position, k -> new double[] {Double.NEGATIVE_INFINITY, 0});
                cell[0] = Math.max(cell[0], trial.score());
                cell[1]++;
            }
        }
        List<Cell> cells = byPoint.entrySet().stream()
                .map(e ->
                        new Cell(e.getKey().stream().mapToInt(Integer::intValue).toArray(), e.getValue()[0], (int)
                                e.getValue()[1]))
                .toList();
        List<Integer> chosen = position(axes, fold.chosen());
        return new FoldSurface(
                fold.index(),
                chosen == null
                        ? null
                        : chosen.stream().mapToInt(Integer::intValue).toArray(),
                fold.inSample().score(),
                fold.outOfSample().score(),
                cells);
    }

    /** The assignment's index on each axis, null when a value is not on its axis. */
    private static List<Integer> position(List<Axis> axes, ParameterAssignment parameters) {
        List<Integer> position = new ArrayList<>();
        for (Axis axis : axes) {
            int index = axis.values().indexOf(key(parameters.values().get(axis.name())));
            if (index < 0) {
                return null;
            }
            position.add(index);
        }
        return position;
    }

    /** The same number read back from JSON (0.450 or 0.45, 2 or 2.0) prints the same. */
    static String key(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
