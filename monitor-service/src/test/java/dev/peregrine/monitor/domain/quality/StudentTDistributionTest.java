package dev.peregrine.monitor.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTDistributionTest {

    @Test
    void cdfMatchesClosedFormsForOneAndTwoDegreesOfFreedom() {
        // ν = 1 is Cauchy: F(1) = ½ + atan(1)/π = 0.75; ν = 2: F(t) = ½ + t/(2√(2 + t²)), F(1) = ½ + 1/(2√3)
        assertThat(StudentTDistribution.cdf(1, 1)).isCloseTo(0.75, within(1e-12));
        assertThat(StudentTDistribution.cdf(1, 2)).isCloseTo(0.5 + 1 / (2 * Math.sqrt(3)), within(1e-12));
        assertThat(StudentTDistribution.cdf(-1, 2)).isCloseTo(0.5 - 1 / (2 * Math.sqrt(3)), within(1e-12));
        assertThat(StudentTDistribution.cdf(0, 7)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void cdfAndQuantileMatchTablesIncludingNonIntegerDegreesOfFreedom() {
        // t tables: t_{0.975, 10} = 2.228138851986274; scipy.stats.t.cdf(-2.5, 24.9) = 0.00968651820381826,
        // t.cdf(0.7, 3.5) = 0.7361829288271606, t.ppf(0.975, 24.9) = 2.0599580324598343
        assertThat(StudentTDistribution.cdf(2.228138851986274, 10)).isCloseTo(0.975, within(1e-12));
        assertThat(StudentTDistribution.quantile(0.975, 10)).isCloseTo(2.228138851986274, within(1e-10));
        assertThat(StudentTDistribution.cdf(-2.5, 24.9)).isCloseTo(0.00968651820381826, within(1e-12));
        assertThat(StudentTDistribution.cdf(0.7, 3.5)).isCloseTo(0.7361829288271606, within(1e-12));
        assertThat(StudentTDistribution.twoSidedCritical(0.95, 24.9)).isCloseTo(2.0599580324598343, within(1e-10));
        assertThat(StudentTDistribution.twoSidedP(-2.5, 24.9)).isCloseTo(2 * 0.00968651820381826, within(1e-12));
    }

    @Test
    void approachesTheNormalForManyDegreesOfFreedomAndHandlesInfinities() {
        assertThat(StudentTDistribution.cdf(1.96, 1e7)).isCloseTo(0.9750021048517795, within(1e-6));
        assertThat(StudentTDistribution.cdf(Double.POSITIVE_INFINITY, 3)).isEqualTo(1);
        assertThat(StudentTDistribution.twoSidedP(Double.NEGATIVE_INFINITY, 3)).isZero();
        assertThat(StudentTDistribution.twoSidedP(0, 3)).isCloseTo(1, within(1e-15));
    }
}
