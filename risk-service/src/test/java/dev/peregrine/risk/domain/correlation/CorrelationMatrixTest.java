package dev.peregrine.risk.domain.correlation;

import static dev.peregrine.risk.domain.correlation.TestSeries.closes;
import static dev.peregrine.risk.domain.correlation.TestSeries.day;
import static dev.peregrine.risk.domain.correlation.TestSeries.fromLogReturnsInPercent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.value.Symbol;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CorrelationMatrixTest {

    private static final Symbol A = Symbol.of("AAAUSDT");
    private static final Symbol B = Symbol.of("BBBUSDT");
    private static final Symbol C = Symbol.of("CCCUSDT");

    @Test
    void correlatesTwoShortPriceSeriesAsComputedByHand() {
        // A closes 1, 2, 4, 2 -> log returns ln2, ln2, -ln2; in units of ln2 x = [1, 1, -1]
        // B closes 1, 2, 2, 4 -> log returns ln2, 0, ln2;    in units of ln2 y = [1, 0, 1]
        // (Pearson does not depend on the unit)
        // mean x = 1/3, mean y = 2/3; dx = [2/3, 2/3, -4/3], dy = [1/3, -2/3, 1/3]
        // sum dx.dy = 2/9 - 4/9 - 4/9 = -6/9; sum dx^2 = 4/9 + 4/9 + 16/9 = 24/9; sum dy^2 = 1/9 + 4/9 + 1/9 = 6/9
        // r = (-6/9) / sqrt(24/9 x 6/9) = (-6/9) / (12/9) = -0.5
        CorrelationMatrix matrix =
                CorrelationMatrix.compute(Map.of(A, closes(1, 2, 4, 2), B, closes(1, 2, 2, 4)), day(3), 3, 3);

        PairCorrelation pair = matrix.pair(A, B).orElseThrow();
        assertThat(pair.correlation()).isCloseTo(-0.5, within(1e-12));
        assertThat(pair.commonReturns()).isEqualTo(3);
        assertThat(pair.first()).isEqualTo(A);
        assertThat(pair.second()).isEqualTo(B);
    }

    @Test
    void correlatesChosenLogReturnsAsComputedByHand() {
        // x = [1, 2, 3, 4, 5] %, y = [2, 1, 4, 3, 5] %; both means 3
        // dx = [-2, -1, 0, 1, 2], dy = [-1, -2, 1, 0, 2]
        // sum dx.dy = 2 + 2 + 0 + 0 + 4 = 8; sum dx^2 = 10; sum dy^2 = 1 + 4 + 1 + 0 + 4 = 10
        // r = 8 / sqrt(10 x 10) = 0.8
        CorrelationMatrix matrix = CorrelationMatrix.compute(
                Map.of(
                        A, fromLogReturnsInPercent(1, 2, 3, 4, 5),
                        B, fromLogReturnsInPercent(2, 1, 4, 3, 5)),
                day(5),
                5,
                3);

        assertThat(matrix.correlation(A, B).orElseThrow()).isCloseTo(0.8, within(1e-9));
        assertThat(matrix.correlation(B, A).orElseThrow()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void aMultipleOfAPriceIsPerfectlyCorrelatedAndItsInverseAntiCorrelated() {
        double[] a = {100, 103, 99, 104, 108, 101};
        double[] multiple = new double[a.length];
        double[] inverse = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            multiple[i] = 3 * a[i]; // same log returns
            inverse[i] = 1 / a[i]; // log returns negated
        }
        CorrelationMatrix matrix =
                CorrelationMatrix.compute(Map.of(A, closes(a), B, closes(multiple), C, closes(inverse)), day(5), 5, 5);

        assertThat(matrix.correlation(A, B).orElseThrow()).isCloseTo(1, within(1e-12));
        assertThat(matrix.correlation(A, C).orElseThrow()).isCloseTo(-1, within(1e-12));
        assertThat(matrix.correlation(B, C).orElseThrow()).isCloseTo(-1, within(1e-12));
        assertThat(matrix.knownPairs())
                .extracting(PairCorrelation::first, PairCorrelation::second)
                .containsExactly(tuple(A, B), tuple(A, C), tuple(B, C));
    }

    @Test
    void comparesOnlyDaysWhereBothHaveAReturn() {
        SortedMap<LocalDate, Double> full = fromLogReturnsInPercent(1, 2, 3, 4, 5, 6); // returns on days 1..6
        SortedMap<LocalDate, Double> gap = new TreeMap<>(fromLogReturnsInPercent(1, 2, 3, 4, 5, 6));
        gap.remove(day(3)); // no return on day 3 (no close) nor day 4 (no previous close)

        CorrelationMatrix matrix = CorrelationMatrix.compute(Map.of(A, full, B, gap), day(6), 6, 3);

        // common returns on days 1, 2, 5 and 6, identical on both -> perfectly correlated
        assertThat(matrix.pair(A, B).orElseThrow().commonReturns()).isEqualTo(4);
        assertThat(matrix.correlation(A, B).orElseThrow()).isCloseTo(1, within(1e-12));
    }

    @Test
    void aPairWithTooFewCommonReturnsOrAConstantSeriesIsUnknown() {
        CorrelationMatrix matrix = CorrelationMatrix.compute(
                Map.of(
                        A, fromLogReturnsInPercent(1, 2, 3),
                        B, fromLogReturnsInPercent(1, 2, 3),
                        C, closes(5, 5, 5, 5)),
                day(3),
                3,
                4);
        CorrelationMatrix enough = CorrelationMatrix.compute(
                Map.of(
                        A, fromLogReturnsInPercent(1, 2, 3),
                        B, fromLogReturnsInPercent(1, 2, 3),
                        C, closes(5, 5, 5, 5)),
                day(3),
                3,
                3);

        assertThat(matrix.pair(A, B)).isEmpty();
        assertThat(matrix.knownPairs()).isEmpty();
        assertThat(matrix.symbols()).containsExactly(A, B, C);
        assertThat(enough.correlation(A, B)).isPresent();
        assertThat(enough.pair(A, C)).isEmpty();
        assertThat(enough.pair(B, C)).isEmpty();
    }

    @Test
    void ignoresClosesOutsideTheWindow() {
        // window of 3 returns ending on day 4: closes of days 1..4, returns of days 2..4
        SortedMap<LocalDate, Double> a = fromLogReturnsInPercent(9, 1, 2, 3, -9); // days 0..5
        SortedMap<LocalDate, Double> b = fromLogReturnsInPercent(-9, 1, 2, 3, 9);

        CorrelationMatrix matrix = CorrelationMatrix.compute(Map.of(A, a, B, b), day(4), 3, 3);

        assertThat(matrix.lastDay()).isEqualTo(day(4));
        assertThat(matrix.pair(A, B).orElseThrow().commonReturns()).isEqualTo(3);
        assertThat(matrix.correlation(A, B).orElseThrow()).isCloseTo(1, within(1e-12));
    }

    @Test
    void aPairNeedsTwoDifferentSymbols() {
        CorrelationMatrix matrix = CorrelationMatrix.empty(day(0));

        assertThatThrownBy(() -> matrix.pair(A, A))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different symbols");
        assertThat(matrix.symbols()).isEmpty();
    }
}
