package dev.peregrine.monitor.domain.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WeightProposalTest {

    // 20 × +0.01 and 20 × -0.005: mean 0.1/40 = 0.0025; deviations ±0.0075 → Σd² = 40·5.625e-5 = 0.00225,
    // s² = 0.00225/39 = 5.769231e-5, s = 0.00759555, SE = s/√40 = 0.00120096
    private static final double[] RETURNS =
            IntStream.range(0, 40).mapToDouble(i -> i % 2 == 0 ? 0.01 : -0.005).toArray();

    @Test
    void defaultsShrinkTheMeanAndWeighByItsLowerBound() {
        // shrunk = 0.0025·40/90 = 0.00111111; L = 0.00111111 - 1.281552·0.00120096 = -0.00042798 → weight 0
        WeightAdvice advice = WeightProposal.propose("momentum", RETURNS, WeightSettings.DEFAULTS);
        assertThat(advice.basis()).isEqualTo(WeightAdvice.Basis.MEASURED);
        assertThat(advice.shrunkMean()).isCloseTo(0.00111111, within(1e-8));
        assertThat(advice.lowerBound()).isCloseTo(-0.00042798, within(1e-8));
        assertThat(advice.weight()).isZero();
    }

    @Test
    void withoutShrinkageAtTheMedianTheWeightIsTheMeanOverTheFullWeightExpectancy() {
        // n₀ = 0 and confidence ½ (z = 0): L = mean = 0.0025 → 0.0025/0.005 = 0.5; with 0.002 it clips to 1
        WeightAdvice half = WeightProposal.propose("momentum", RETURNS, new WeightSettings(0.005, 0, 0.5, 30, 1));
        assertThat(half.weight()).isCloseTo(0.5, within(1e-12));
        WeightAdvice full = WeightProposal.propose("momentum", RETURNS, new WeightSettings(0.002, 0, 0.5, 30, 1));
        assertThat(full.weight()).isEqualTo(1);
    }

    @Test
    void aSampleTooSmallKeepsTheNeutralWeight() {
        WeightAdvice advice =
                WeightProposal.propose("momentum", DoubleStream.of(0.01, 0.02).toArray(), WeightSettings.DEFAULTS);
        assertThat(advice.basis()).isEqualTo(WeightAdvice.Basis.INSUFFICIENT_SAMPLE);
        assertThat(advice.weight()).isEqualTo(1);
        assertThat(advice.sampleSize()).isEqualTo(2);
        assertThat(WeightProposal.propose("x", new double[0], WeightSettings.DEFAULTS)
                        .mean())
                .isNaN();
    }

    @Test
    void aZeroVarianceGainEarnsItsShrunkMean() {
        // 30 × 0.003, SE 0: L = 0.003·30/80 = 0.001125 → 0.001125/0.002 = 0.5625
        double[] constant = DoubleStream.generate(() -> 0.003).limit(30).toArray();
        assertThat(WeightProposal.propose("x", constant, WeightSettings.DEFAULTS)
                        .weight())
                .isCloseTo(0.5625, within(1e-12));
    }
}
