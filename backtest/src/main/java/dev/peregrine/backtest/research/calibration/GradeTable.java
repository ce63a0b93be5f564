package dev.peregrine.backtest.research.calibration;

import dev.peregrine.common.event.Grade;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Hit rate per grade of out-of-sample predictions, the grade read off each prediction's probability, and whether the
 * grades are monotone: the hit rate never rises from A down to F, over the grades with at least {@code minCount}
 * signals (fewer are too noisy to rank).
 *
 * @param rows     A to F, empty grades included with count 0 and null rates
 * @param minCount grades with fewer signals are left out of the monotonicity check
 * @param monotone whether the hit rate of every better grade is at least that of every worse one (adjacent pairs)
 */
public record GradeTable(List<Row> rows, int minCount, boolean monotone) {

    public GradeTable {
        rows = List.copyOf(rows);
    }

    public static GradeTable of(List<Prediction> predictions, DoubleFunction<Grade> grader, int minCount) {
        Map<Grade, List<Prediction>> byGrade = new EnumMap<>(Grade.class);
        for (Prediction p : predictions) {
            byGrade.computeIfAbsent(grader.apply(p.probability()), g -> new ArrayList<>())
                    .add(p);
        }
        List<Row> rows = new ArrayList<>();
        Double previous = null;
        boolean monotone = true;
        for (Grade grade : Grade.values()) {
            List<Prediction> in = byGrade.getOrDefault(grade, List.of());
            if (in.isEmpty()) {
                rows.add(new Row(grade, 0, null, null));
                continue;
            }
            double hitRate = BrierScore.hitRate(in);
            double meanProbability =
                    in.stream().mapToDouble(Prediction::probability).average().orElseThrow();
            rows.add(new Row(grade, in.size(), hitRate, meanProbability));
            if (in.size() >= minCount) {
                if (previous != null && hitRate > previous) {
                    monotone = false;
                }
                previous = hitRate;
            }
        }
        return new GradeTable(rows, minCount, monotone);
    }

    /** @param hitRate share that hit, null when empty; meanProbability their mean predicted probability */
    public record Row(Grade grade, int count, Double hitRate, Double meanProbability) {}
}
