package dev.peregrine.monitor.domain.quality;

import static dev.peregrine.monitor.domain.quality.OutcomeFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleQualityTest {

    @Test
    void combinesTheStatisticsAndOrdersOutcomesByTimeForTheDrawdown() {
        // given out of time order; in time order the returns are 0.02, -0.01, 0.03, -0.02, 0.005 (see
        // ReturnStatisticsTest)
        List<MeasuredOutcome> outcomes =
                List.of(outcome(3, -0.02), outcome(0, 0.02), outcome(4, 0.005), outcome(1, -0.01), outcome(2, 0.03));
        SampleQuality quality = SampleQuality.of(outcomes);
        assertThat(quality.count()).isEqualTo(5);
        assertThat(quality.hits()).isEqualTo(3);
        assertThat(quality.hitRate().rate()).isEqualTo(0.6);
        assertThat(quality.hitRate().confidence()).isEqualTo(0.95);
        assertThat(quality.expectancy()).isCloseTo(0.005, within(1e-15));
        assertThat(quality.returns().profitFactor()).isCloseTo(1.8333333, within(1e-7));
        assertThat(quality.ratios().sortino()).isCloseTo(0.5, within(1e-12));
        assertThat(quality.drawdown().depth()).isCloseTo(0.02, within(1e-15));
        assertThat(quality.averageStrength()).isEqualTo(50);
    }

    @Test
    void emptySampleIsAllUndefinedButDoesNotFail() {
        SampleQuality quality = SampleQuality.of(List.of(), 0.9);
        assertThat(quality.count()).isZero();
        assertThat(quality.hitRate().rate()).isNaN();
        assertThat(quality.expectancy()).isNaN();
        assertThat(quality.averageStrength()).isNaN();
        assertThat(quality.drawdown().depth()).isZero();
    }

    @Test
    void allHits() {
        SampleQuality quality = SampleQuality.of(List.of(outcome(0, 0.01), outcome(1, 0.02)));
        assertThat(quality.hitRate().rate()).isEqualTo(1);
        assertThat(quality.hitRate().upper()).isEqualTo(1);
        assertThat(quality.returns().profitFactor()).isInfinite();
        assertThat(quality.drawdown().depth()).isZero();
    }
}
