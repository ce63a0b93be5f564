package dev.peregrine.monitor.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void sevenOfTenAtNinetyFivePercent() {
        // z = 1.959964, z² = 3.841459, n = 10, p̂ = 0.7; denominator 1 + z²/n = 1.3841459
        // centre = (0.7 + 3.841459/20) / 1.3841459 = 0.8920729 / 1.3841459 = 0.6444934
        // half = 1.959964/1.3841459 · √(0.021 + 3.841459/400) = 1.4160097 · 0.1749390 = 0.2477153
        // → [0.3967781, 0.8922087] (the textbook 0.3968 .. 0.8922)
        WilsonInterval interval = WilsonInterval.of(7, 10, 0.95);
        assertThat(interval.rate()).isEqualTo(0.7);
        assertThat(interval.lower()).isCloseTo(0.3967781, within(1e-6));
        assertThat(interval.upper()).isCloseTo(0.8922087, within(1e-6));
    }

    @Test
    void allHitsGiveUpperBoundOneAndLowerBoundOneOverOnePlusZSquaredOverN() {
        // p̂ = 1: lower = 1/(1 + z²/n) = 1/1.3841459 = 0.7224672
        WilsonInterval interval = WilsonInterval.of(10, 10, 0.95);
        assertThat(interval.upper()).isEqualTo(1);
        assertThat(interval.lower()).isCloseTo(0.7224672, within(1e-6));
        assertThat(WilsonInterval.of(0, 10, 0.95).lower()).isZero();
    }

    @Test
    void aWiderConfidenceGivesAWiderInterval() {
        WilsonInterval ninety = WilsonInterval.of(7, 10, 0.90);
        WilsonInterval ninetyNine = WilsonInterval.of(7, 10, 0.99);
        assertThat(ninetyNine.lower()).isLessThan(ninety.lower());
        assertThat(ninetyNine.upper()).isGreaterThan(ninety.upper());
    }

    @Test
    void emptySampleIsUninformativeAndImpossibleCountsAreRejected() {
        WilsonInterval empty = WilsonInterval.of(0, 0, 0.95);
        assertThat(empty.rate()).isNaN();
        assertThat(empty.lower()).isZero();
        assertThat(empty.upper()).isEqualTo(1);
        assertThatThrownBy(() -> WilsonInterval.of(3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WilsonInterval.of(1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
