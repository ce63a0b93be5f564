package dev.peregrine.backtest.research.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

class GradeTableTest {

    /** A at 0.6 and above, C at 0.5 and above, else F. */
    private static final DoubleFunction<Grade> GRADER = p -> p >= 0.6 ? Grade.A : p >= 0.5 ? Grade.C : Grade.F;

    private static List<Prediction> predictions(double probability, int hits, int misses) {
        List<Prediction> list = new ArrayList<>();
        for (int i = 0; i < hits; i++) {
            list.add(new Prediction(probability, true));
        }
        for (int i = 0; i < misses; i++) {
            list.add(new Prediction(probability, false));
        }
        return list;
    }

    @Test
    void hitRatesPerGradeAndMonotoneWhenBetterGradesHitMoreOften() {
        List<Prediction> all = new ArrayList<>();
        all.addAll(predictions(0.65, 6, 4)); // A: 0.6
        all.addAll(predictions(0.55, 5, 5)); // C: 0.5
        all.addAll(predictions(0.40, 3, 7)); // F: 0.3
        GradeTable table = GradeTable.of(all, GRADER, 5);
        assertThat(table.rows()).extracting(GradeTable.Row::grade).containsExactly(Grade.values());
        assertThat(table.rows().get(0).hitRate()).isEqualTo(0.6);
        assertThat(table.rows().get(0).meanProbability()).isEqualTo(0.65);
        assertThat(table.rows().get(1).count()).isZero();
        assertThat(table.rows().get(1).hitRate()).isNull();
        assertThat(table.rows().get(4).hitRate()).isEqualTo(0.3);
        assertThat(table.monotone()).isTrue();
    }

    @Test
    void aBetterGradeThatHitsLessOftenIsNotMonotoneUnlessItIsTooSmallToRank() {
        List<Prediction> all = new ArrayList<>();
        all.addAll(predictions(0.65, 2, 8)); // A: 0.2
        all.addAll(predictions(0.55, 5, 5)); // C: 0.5
        assertThat(GradeTable.of(all, GRADER, 5).monotone()).isFalse();
        assertThat(GradeTable.of(all, GRADER, 11).monotone()).isTrue(); // no grade large enough: nothing to rank
        List<Prediction> smallA = new ArrayList<>(predictions(0.65, 0, 3));
        smallA.addAll(predictions(0.55, 5, 5));
        smallA.addAll(predictions(0.40, 3, 7));
        assertThat(GradeTable.of(smallA, GRADER, 5).monotone()).isTrue(); // A (3 signals) left out
    }
}
