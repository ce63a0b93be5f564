package dev.peregrine.monitor.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ReturnDistribution, RiskAdjustedRatios and MaximumDrawdown on one hand-computed series. */
class ReturnStatisticsTest {

    // mean = 0.025/5 = 0.005; deviations 0.015, -0.015, 0.025, -0.025, 0 → Σd² = 0.0017 → s² = 0.000425,
    // s = 0.02061553, SE = s/√5 = 0.00921954; sorted -0.02, -0.01, 0.005, 0.02, 0.03 → median 0.005
    private static final double[] RETURNS = {0.02, -0.01, 0.03, -0.02, 0.005};

    @Test
    void distributionOfAHandComputedSeries() {
        ReturnDistribution d = ReturnDistribution.of(RETURNS);
        assertThat(d.count()).isEqualTo(5);
        assertThat(d.mean()).isCloseTo(0.005, within(1e-15));
        assertThat(d.standardDeviation()).isCloseTo(0.02061553, within(1e-8));
        assertThat(d.standardError()).isCloseTo(0.00921954, within(1e-8));
        assertThat(d.median()).isEqualTo(0.005);
        // √(π/2) · 0.00921954 = 1.25331414 · 0.00921954 = 0.01155499
        assertThat(d.medianStandardError()).isCloseTo(0.01155499, within(1e-8));
        // gains 0.02 + 0.03 + 0.005 = 0.055 over 3 wins; losses 0.03 over 2 → PF 0.055/0.03 = 1.833333
        assertThat(d.averageWin()).isCloseTo(0.055 / 3, within(1e-15));
        assertThat(d.averageLoss()).isCloseTo(-0.015, within(1e-15));
        assertThat(d.profitFactor()).isCloseTo(1.8333333, within(1e-7));
    }

    @Test
    void sharpeAndSortinoPerTradeAndAnnualised() {
        // Sharpe = 0.005 / 0.02061553 = 0.24253563; downside Σ min(0,r)² = 0.0001 + 0.0004 = 0.0005,
        // /5 = 0.0001, √ = 0.01 → Sortino = 0.005/0.01 = 0.5
        RiskAdjustedRatios ratios = RiskAdjustedRatios.perTrade(RETURNS);
        assertThat(ratios.sharpe()).isCloseTo(0.24253563, within(1e-8));
        assertThat(ratios.sortino()).isCloseTo(0.5, within(1e-12));
        // 365 trades a year: × √365 = 19.10497
        RiskAdjustedRatios annual = ratios.annualised(365);
        assertThat(annual.sharpe()).isCloseTo(0.24253563 * Math.sqrt(365), within(1e-7));
        assertThat(annual.sortino()).isCloseTo(0.5 * Math.sqrt(365), within(1e-9));
    }

    @Test
    void drawdownOfTheCumulativeSeries() {
        // cumulative 0.02, 0.01, 0.04, 0.02, 0.025: peak 0.04 after 3 outcomes, trough 0.02 after 4 → 0.02
        MaximumDrawdown drawdown = MaximumDrawdown.of(RETURNS);
        assertThat(drawdown.depth()).isCloseTo(0.02, within(1e-15));
        assertThat(drawdown.peakIndex()).isEqualTo(3);
        assertThat(drawdown.troughIndex()).isEqualTo(4);
        // a first loss counts from the start at 0: -0.01, -0.03, +0.02 → depth 0.03 from index 0 to 2
        MaximumDrawdown fromStart = MaximumDrawdown.of(new double[] {-0.01, -0.02, 0.05});
        assertThat(fromStart.depth()).isCloseTo(0.03, within(1e-15));
        assertThat(fromStart.peakIndex()).isZero();
        assertThat(fromStart.troughIndex()).isEqualTo(2);
    }

    @Test
    void emptySample() {
        ReturnDistribution d = ReturnDistribution.of(new double[0]);
        assertThat(d.count()).isZero();
        assertThat(d.mean()).isNaN();
        assertThat(d.median()).isNaN();
        assertThat(d.profitFactor()).isNaN();
        assertThat(RiskAdjustedRatios.perTrade(new double[0]).sharpe()).isNaN();
        assertThat(MaximumDrawdown.of(new double[0]).depth()).isZero();
    }

    @Test
    void singleOutcomeHasAMeanButNoSpread() {
        ReturnDistribution d = ReturnDistribution.of(new double[] {0.01});
        assertThat(d.mean()).isEqualTo(0.01);
        assertThat(d.median()).isEqualTo(0.01);
        assertThat(d.standardError()).isNaN();
        assertThat(d.profitFactor()).isInfinite();
        RiskAdjustedRatios ratios = RiskAdjustedRatios.perTrade(new double[] {0.01});
        assertThat(ratios.sharpe()).isNaN();
        assertThat(ratios.sortino()).isNaN();
    }

    @Test
    void zeroVarianceAndOneSidedSamples() {
        RiskAdjustedRatios constantGain = RiskAdjustedRatios.perTrade(new double[] {0.01, 0.01, 0.01});
        assertThat(constantGain.sharpe()).isNaN();
        assertThat(constantGain.sortino()).isEqualTo(Double.POSITIVE_INFINITY);
        ReturnDistribution flat = ReturnDistribution.of(new double[] {0.01, 0.01});
        assertThat(flat.standardError()).isZero();
        // only losses: gains 0 → profit factor 0; mean -0.015; Sortino = -0.015 / √((0.0001+0.0004)/2) = -0.9486833
        assertThat(ReturnDistribution.of(new double[] {-0.01, -0.02}).profitFactor())
                .isZero();
        assertThat(RiskAdjustedRatios.perTrade(new double[] {-0.01, -0.02}).sortino())
                .isCloseTo(-0.9486833, within(1e-7));
    }
}
