package dev.peregrine.monitor.domain.comparison;

import static dev.peregrine.monitor.domain.quality.OutcomeFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbComparisonTest {

    @Test
    void comparesHitRateAndMeanReturnOfTwoArms() {
        // A: -0.01, +0.01, -0.02, +0.02 → 2/4 hits, mean 0; B: +0.01, +0.03, -0.01, +0.01 → 3/4 hits, mean 0.01
        List<MeasuredOutcome> a = List.of(outcome(0, -0.01), outcome(1, 0.01), outcome(2, -0.02), outcome(3, 0.02));
        List<MeasuredOutcome> b = List.of(outcome(0, 0.01), outcome(1, 0.03), outcome(2, -0.01), outcome(3, 0.01));
        AbComparison comparison = AbComparison.compare(a, b);
        assertThat(comparison.hitRate().difference()).isEqualTo(0.25);
        assertThat(comparison.meanReturn().difference()).isCloseTo(0.01, within(1e-15));
        assertThat(comparison.alpha()).isEqualTo(0.05);
        assertThat(comparison.hitRate().confidence()).isCloseTo(0.95, within(1e-15));
        // s_A² = (1+1+4+4)e-4/3 = 3.333e-4, s_B² = (0+4+4+0)e-4/3 = 2.667e-4; n = 7.848879·6e-4/1e-4 = 47.09 → 48
        assertThat(comparison.sampleSizeForMeanReturn()).hasValue(48);
        assertThat(comparison.sampleSizeForHitRate()).isPresent();
    }

    @Test
    void emptyArmsGiveUndefinedTestsAndNoSampleSize() {
        AbComparison comparison = AbComparison.compare(List.of(), List.of(outcome(0, 0.01)));
        assertThat(comparison.hitRate().pValue()).isNaN();
        assertThat(comparison.meanReturn().pValue()).isNaN();
        assertThat(comparison.sampleSizeForHitRate()).isEmpty();
        assertThat(comparison.sampleSizeForMeanReturn()).isEmpty();
    }
}
