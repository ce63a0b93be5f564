package dev.peregrine.monitor.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalDistributionTest {

    @Test
    void cdfMatchesTablesToTheAccuracyOfTheErfcFit() {
        // Φ(1.96) = 0.9750021048517795, Φ(0) = ½, Φ(-1) = 0.15865525393145707
        assertThat(NormalDistribution.cdf(1.96)).isCloseTo(0.9750021048517795, within(2e-7));
        assertThat(NormalDistribution.cdf(0)).isCloseTo(0.5, within(2e-7));
        assertThat(NormalDistribution.cdf(-1)).isCloseTo(0.15865525393145707, within(2e-7));
        assertThat(NormalDistribution.twoSidedP(1.96)).isCloseTo(0.04999579029644087, within(2e-7));
    }

    @Test
    void quantileMatchesTables() {
        // Φ⁻¹(0.975) = 1.959963984540054, Φ⁻¹(0.01) = -2.3263478740408408, Φ⁻¹(0.999) = 3.090232306167813
        assertThat(NormalDistribution.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(NormalDistribution.quantile(0.01)).isCloseTo(-2.3263478740408408, within(1e-8));
        assertThat(NormalDistribution.quantile(0.999)).isCloseTo(3.090232306167813, within(1e-8));
        assertThat(NormalDistribution.quantile(0.5)).isCloseTo(0, within(1e-12));
        assertThat(NormalDistribution.twoSidedCritical(0.95)).isCloseTo(1.959963984540054, within(1e-8));
        assertThat(NormalDistribution.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(NormalDistribution.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
