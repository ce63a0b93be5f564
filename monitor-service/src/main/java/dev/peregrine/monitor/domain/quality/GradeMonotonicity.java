package dev.peregrine.monitor.domain.quality;

import dev.peregrine.common.event.Grade;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Whether the grades rank signals: a better grade (A before F) should show a higher realised mean return and hit
 * rate. Over every pair of grades with enough outcomes, a pair is an <i>inversion</i> when the worse grade did
 * strictly better; Kendall's τ = (concordant − inverted) / pairs (ties count as neither) summarises the order.
 * <p>
 * The verdict is descriptive, not a significance test: {@link Verdict#MONOTONE} when no pair is inverted in either
 * measure, {@link Verdict#NOT_MONOTONE} otherwise, {@link Verdict#INSUFFICIENT_DATA} with fewer than two grades
 * holding {@code minimumPerGrade} outcomes. The per-grade Wilson intervals tell whether an inversion is noise.
 */
public record GradeMonotonicity(
        List<GradeRow> rows,
        int pairs,
        int returnInversions,
        int hitRateInversions,
        double returnKendallTau,
        double hitRateKendallTau,
        Verdict verdict) {

    public static final int DEFAULT_MINIMUM_PER_GRADE = 30;

    public enum Verdict {
        MONOTONE,
        NOT_MONOTONE,
        INSUFFICIENT_DATA
    }

    /** One grade's realised outcome. */
    public record GradeRow(Grade grade, int count, double meanReturn, WilsonInterval hitRate) {}

    public GradeMonotonicity {
        rows = List.copyOf(rows);
    }

    public static GradeMonotonicity of(Collection<MeasuredOutcome> outcomes) {
        return of(outcomes, DEFAULT_MINIMUM_PER_GRADE, SampleQuality.DEFAULT_CONFIDENCE);
    }

    public static GradeMonotonicity of(Collection<MeasuredOutcome> outcomes, int minimumPerGrade, double confidence) {
        List<GradeRow> rows = new ArrayList<>();
        for (Map.Entry<Grade, List<MeasuredOutcome>> entry :
                OutcomeSlices.byGrade(outcomes).entrySet()) {
            List<MeasuredOutcome> group = entry.getValue();
            if (group.size() >= Math.max(1, minimumPerGrade)) {
                long hits = group.stream().filter(MeasuredOutcome::hit).count();
                rows.add(new GradeRow(
                        entry.getKey(),
                        group.size(),
                        group.stream()
                                .mapToDouble(MeasuredOutcome::netReturn)
                                .average()
                                .orElseThrow(),
                        WilsonInterval.of(hits, group.size(), confidence)));
            }
        }
        int pairs = rows.size() * (rows.size() - 1) / 2;
        int[] returnOrder = concordance(rows, GradeRow::meanReturn);
        int[] hitOrder = concordance(rows, row -> row.hitRate().rate());
        Verdict verdict = rows.size() < 2
                ? Verdict.INSUFFICIENT_DATA
                : returnOrder[1] == 0 && hitOrder[1] == 0 ? Verdict.MONOTONE : Verdict.NOT_MONOTONE;
        return new GradeMonotonicity(
                rows, pairs, returnOrder[1], hitOrder[1], tau(returnOrder, pairs), tau(hitOrder, pairs), verdict);
    }

    /** {concordant, inverted} over all pairs of rows, rows being in grade order best first. */
    private static int[] concordance(List<GradeRow> rows, ToDoubleFunction<GradeRow> measure) {
        int concordant = 0;
        int inverted = 0;
        for (int better = 0; better < rows.size(); better++) {
            for (int worse = better + 1; worse < rows.size(); worse++) {
                double difference = measure.applyAsDouble(rows.get(better)) - measure.applyAsDouble(rows.get(worse));
                if (difference > 0) {
                    concordant++;
                } else if (difference < 0) {
                    inverted++;
                }
            }
        }
        return new int[] {concordant, inverted};
    }

    private static double tau(int[] order, int pairs) {
        return pairs == 0 ? Double.NaN : (double) (order[0] - order[1]) / pairs;
    }
}
