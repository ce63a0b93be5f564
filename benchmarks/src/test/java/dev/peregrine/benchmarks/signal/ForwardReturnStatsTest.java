package dev.peregrine.benchmarks.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForwardReturnStatsTest {

    @Test
    void countMeanMedianHitRateAndStandardErrorOfAnOddGroup() {
        ForwardReturnStats stats = new ForwardReturnStats();
        for (double bps : new double[] {10, -20, 0, 40, 5}) {
            stats.add(bps);
        }

        assertThat(stats.count()).isEqualTo(5);
        assertThat(stats.mean()).isEqualTo(7.0);
        assertThat(stats.median()).isEqualTo(5.0);
        // 0 is no hit: 10, 40, 5 are
        assertThat(stats.hitRate()).isEqualTo(0.6);
        // deviations 3, -27, -7, 33, -2: squares 1880, / (5 - 1) = 470 (sample variance), / 5 = 94
        assertThat(stats.standardError()).isCloseTo(Math.sqrt(94), within(1e-12));
    }

    @Test
    void medianOfAnEvenGroupIsTheMeanOfTheTwoMiddleValues() {
        ForwardReturnStats stats = new ForwardReturnStats();
        for (double bps : new double[] {4, -1, 3, 100}) {
            stats.add(bps);
        }

        assertThat(stats.median()).isEqualTo(3.5);
    }

    @Test
    void growsBeyondItsInitialCapacityAndMergesAnotherGroup() {
        ForwardReturnStats stats = new ForwardReturnStats();
        ForwardReturnStats other = new ForwardReturnStats();
        for (int i = 1; i <= 1_000; i++) {
            stats.add(i);
            other.add(-i);
        }
        stats.addAll(other);

        assertThat(stats.count()).isEqualTo(2_000);
        assertThat(stats.mean()).isZero();
        assertThat(stats.median()).isZero();
        assertThat(stats.hitRate()).isEqualTo(0.5);
    }

    @Test
    void anEmptyGroupHasNoFigures() {
        ForwardReturnStats stats = new ForwardReturnStats();

        assertThat(stats.count()).isZero();
        assertThat(stats.mean()).isNaN();
        assertThat(stats.median()).isNaN();
        assertThat(stats.hitRate()).isNaN();
        assertThat(stats.standardError()).isNaN();
    }

    @Test
    void refusesANonFiniteReturn() {
        assertThatThrownBy(() -> new ForwardReturnStats().add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
