package dev.peregrine.monitor.domain.quality;

import static dev.peregrine.monitor.domain.quality.OutcomeFixtures.graded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Grade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradeMonotonicityTest {

    @Test
    void gradesThatRankOutcomesAreMonotone() {
        // A: mean 0.03, 2/2 hits; B: 0.01, 1/2; C: -0.01, 0/2 → no pair inverted, τ = 3/3 = 1
        List<MeasuredOutcome> outcomes = List.of(
                graded(Grade.A, 0.02, true), graded(Grade.A, 0.04, true),
                graded(Grade.B, 0.03, true), graded(Grade.B, -0.01, false),
                graded(Grade.C, -0.01, false), graded(Grade.C, -0.01, false));
        GradeMonotonicity result = GradeMonotonicity.of(outcomes, 1, 0.95);
        assertThat(result.rows())
                .extracting(GradeMonotonicity.GradeRow::grade)
                .containsExactly(Grade.A, Grade.B, Grade.C);
        assertThat(result.rows().get(0).meanReturn()).isCloseTo(0.03, within(1e-15));
        assertThat(result.pairs()).isEqualTo(3);
        assertThat(result.returnInversions()).isZero();
        assertThat(result.hitRateInversions()).isZero();
        assertThat(result.returnKendallTau()).isEqualTo(1);
        assertThat(result.verdict()).isEqualTo(GradeMonotonicity.Verdict.MONOTONE);
    }

    @Test
    void theRecordedInversionAFBelowFIsReported() {
        // as in docs/signal-validation.md: the hit rate rises from A to F. A 1/4, C 2/4, F 3/4 hits;
        // means A -0.005, C 0.0, F +0.005 → all 3 pairs inverted in both measures: τ = (0 - 3)/3 = -1
        List<MeasuredOutcome> outcomes = new ArrayList<>();
        outcomes.addAll(List.of(
                graded(Grade.A, 0.01, true),
                graded(Grade.A, -0.01, false),
                graded(Grade.A, -0.01, false),
                graded(Grade.A, -0.01, false)));
        outcomes.addAll(List.of(
                graded(Grade.C, 0.01, true),
                graded(Grade.C, 0.01, true),
                graded(Grade.C, -0.01, false),
                graded(Grade.C, -0.01, false)));
        outcomes.addAll(List.of(
                graded(Grade.F, 0.01, true),
                graded(Grade.F, 0.01, true),
                graded(Grade.F, 0.01, true),
                graded(Grade.F, -0.01, false)));
        GradeMonotonicity result = GradeMonotonicity.of(outcomes, 4, 0.95);
        assertThat(result.returnInversions()).isEqualTo(3);
        assertThat(result.hitRateInversions()).isEqualTo(3);
        assertThat(result.returnKendallTau()).isEqualTo(-1);
        assertThat(result.hitRateKendallTau()).isEqualTo(-1);
        assertThat(result.verdict()).isEqualTo(GradeMonotonicity.Verdict.NOT_MONOTONE);
    }

    @Test
    void tiesAreNeitherConcordantNorInvertedAndSmallGradesAreLeftOut() {
        // A and B both mean 0.01 (tie), D has 1 outcome < minimum 2 → 1 pair, τ = 0, still monotone (no inversion)
        List<MeasuredOutcome> outcomes = List.of(
                graded(Grade.A, 0.01, true),
                graded(Grade.A, 0.01, true),
                graded(Grade.B, 0.01, true),
                graded(Grade.B, 0.01, true),
                graded(Grade.D, 0.5, true));
        GradeMonotonicity result = GradeMonotonicity.of(outcomes, 2, 0.95);
        assertThat(result.rows()).hasSize(2);
        assertThat(result.returnKendallTau()).isZero();
        assertThat(result.verdict()).isEqualTo(GradeMonotonicity.Verdict.MONOTONE);
    }

    @Test
    void fewerThanTwoGradesIsInsufficient() {
        assertThat(GradeMonotonicity.of(List.of()).verdict()).isEqualTo(GradeMonotonicity.Verdict.INSUFFICIENT_DATA);
        GradeMonotonicity one = GradeMonotonicity.of(List.of(graded(Grade.B, 0.01, true)), 1, 0.95);
        assertThat(one.verdict()).isEqualTo(GradeMonotonicity.Verdict.INSUFFICIENT_DATA);
        assertThat(one.returnKendallTau()).isNaN();
    }
}
