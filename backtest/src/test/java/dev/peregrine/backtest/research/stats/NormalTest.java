package dev.peregrine.backtest.research.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {

    @Test
    void cdfMatchesTabulatedValues() {
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.cdf(1)).isCloseTo(0.8413447460685429, within(1e-13));
        assertThat(Normal.cdf(-1.96)).isCloseTo(0.024997895148220428, within(1e-13));
        assertThat(Normal.cdf(8)).isCloseTo(1.0, within(1e-14));
        assertThat(Normal.cdf(-40)).isZero();
    }

    @Test
    void inverseCdfMatchesTabulatedValuesAndInvertsTheCdf() {
        assertThat(Normal.inverseCdf(0.5)).isCloseTo(0.0, within(1e-14));
        assertThat(Normal.inverseCdf(0.975)).isCloseTo(1.9599639845400536, within(1e-12));
        assertThat(Normal.inverseCdf(1e-10)).isCloseTo(-6.361340902404056, within(1e-9));
        for (double p = 0.001; p < 1; p += 0.0137) {
            assertThat(Normal.cdf(Normal.inverseCdf(p))).isCloseTo(p, within(1e-13));
        }
        assertThatThrownBy(() -> Normal.inverseCdf(1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
