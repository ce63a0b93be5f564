package dev.peregrine.monitor.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Grade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityFiguresTest {

    @Test
    void figuresOfSevenHitsInTenAtAStatedEightyPercentAgainstHandComputedValues() {
        List<MeasuredOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double net = i < 7 ? 0.01 : -0.01;
            outcomes.add(new MeasuredOutcome(
                    "momentum",
                    "BTCUSDT",
                    Grade.B,
                    null,
                    0.8,
                    60,
                    net,
                    net > 0,
                    OutcomeFixtures.T0.plus(Duration.ofMinutes(15L * i))));
        }

        QualityFigures figures =
                QualityFigures.of(SampleQuality.of(outcomes), BrierScore.of(outcomes), ReliabilityTable.of(outcomes));

        assertThat(figures.sampleSize()).isEqualTo(10);
        assertThat(figures.hitRate()).isEqualTo(0.7);
        // Wilson 95 % for 7/10
        assertThat(figures.hitRateLower()).isCloseTo(0.39678, within(1e-5));
        assertThat(figures.hitRateUpper()).isCloseTo(0.89221, within(1e-5));
        // mean 0.004; s = sqrt((7 x 0.006² + 3 x 0.014²)/9) = 0.0096609; se = s/sqrt(10) = 0.0030551;
        // t(0.975, 9) = 2.262157: half-width 0.0069111
        assertThat(figures.expectancy()).isCloseTo(0.004, within(1e-12));
        assertThat(figures.expectancyLower()).isCloseTo(0.004 - 0.0069111, within(1e-6));
        assertThat(figures.expectancyUpper()).isCloseTo(0.004 + 0.0069111, within(1e-6));
        // Brier: 0.7 x 0.2² + 0.3 x 0.8² = 0.22 against 0.7 x 0.3 = 0.21: skill 1 - 0.22/0.21
        assertThat(figures.brierSkill()).isCloseTo(1 - 0.22 / 0.21, within(1e-12));
        // promised 0.8, realised 0.7: over-confident by 0.1, in the one non-empty bin
        assertThat(figures.calibrationGap()).isCloseTo(-0.1, within(1e-12));
        assertThat(figures.calibrationError()).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void noOutcomesGiveASampleOfZeroAndNothingInvented() {
        QualityFigures empty = QualityFigures.EMPTY;

        assertThat(empty.sampleSize()).isZero();
        assertThat(List.of(
                        empty.hitRate(),
                        empty.expectancy(),
                        empty.expectancyLower(),
                        empty.brierSkill(),
                        empty.calibrationGap(),
                        empty.calibrationError()))
                .allMatch(v -> Double.isNaN(v));
    }

    @Test
    void oneOutcomeHasNoExpectancyInterval() {
        List<MeasuredOutcome> one = List.of(OutcomeFixtures.outcome(0, 0.02));

        QualityFigures figures = QualityFigures.of(SampleQuality.of(one), BrierScore.of(one), ReliabilityTable.of(one));

        assertThat(figures.expectancy()).isEqualTo(0.02);
        assertThat(figures.expectancyLower()).isNaN();
        assertThat(figures.expectancyUpper()).isNaN();
    }
}
