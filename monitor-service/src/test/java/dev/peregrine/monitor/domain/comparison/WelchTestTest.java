package dev.peregrine.monitor.domain.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WelchTestTest {

    // The first example of Welch's t-test on Wikipedia (15 vs 15 values, unequal variances).
    private static final double[] A = {
        27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4
    };
    private static final double[] B = {
        27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4
    };

    @Test
    void textbookExample() {
        // x̄_A = 20.82, s_A² = 7.867429; x̄_B = 22.986667, s_B² = 3.812667
        // se = √(7.867429/15 + 3.812667/15) = √0.778673 = 0.882425; t = 2.166667/0.882425 = 2.455356
        // ν = 0.778673² / (0.524495²/14 + 0.254178²/14) = 0.606332 / 0.024264 = 24.98853
        // reference scipy.stats.ttest_ind(B, A, equal_var=False): t 2.455356398, ν 24.988529, p 0.021378001,
        // 95 % CI 0.349237066 .. 3.984096267
        WelchTest test = WelchTest.of(A, B, 0.95);
        assertThat(test.difference()).isCloseTo(2.1666667, within(1e-7));
        assertThat(test.a().variance()).isCloseTo(7.867428571, within(1e-8));
        assertThat(test.t()).isCloseTo(2.455356398286006, within(1e-9));
        assertThat(test.degreesOfFreedom()).isCloseTo(24.988529290231416, within(1e-8));
        assertThat(test.pValue()).isCloseTo(0.021378001462866992, within(1e-10));
        assertThat(test.lower()).isCloseTo(0.3492370661924069, within(1e-8));
        assertThat(test.upper()).isCloseTo(3.984096267140929, within(1e-8));
    }

    @Test
    void swappingTheArmsFlipsTheSignNotThePValue() {
        WelchTest forward = WelchTest.of(A, B, 0.95);
        WelchTest backward = WelchTest.of(B, A, 0.95);
        assertThat(backward.t()).isCloseTo(-forward.t(), within(1e-12));
        assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-12));
    }

    @Test
    void anArmWithFewerThanTwoValuesLeavesTheTestUndefined() {
        WelchTest test = WelchTest.of(new double[] {0.01}, B, 0.95);
        assertThat(test.difference()).isCloseTo(22.976666667, within(1e-8));
        assertThat(test.t()).isNaN();
        assertThat(test.pValue()).isNaN();
        assertThat(WelchTest.of(new double[0], B, 0.95).difference()).isNaN();
    }

    @Test
    void zeroVarianceInBothArmsIsAnExactDifference() {
        WelchTest differ = WelchTest.of(new double[] {1, 1}, new double[] {2, 2, 2}, 0.95);
        assertThat(differ.t()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(differ.pValue()).isZero();
        assertThat(differ.lower()).isEqualTo(1);
        WelchTest same = WelchTest.of(new double[] {1, 1}, new double[] {1, 1}, 0.95);
        assertThat(same.t()).isNaN();
        assertThat(same.pValue()).isEqualTo(1);
    }
}
