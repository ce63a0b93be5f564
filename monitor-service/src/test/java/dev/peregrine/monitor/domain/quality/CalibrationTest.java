package dev.peregrine.monitor.domain.quality;

import static dev.peregrine.monitor.domain.quality.OutcomeFixtures.forecast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reliability table and Brier score on the same five forecasts. */
class CalibrationTest {

    private static final List<MeasuredOutcome> FORECASTS = List.of(
            forecast(0.2, false), forecast(0.3, true), forecast(0.8, true), forecast(0.9, true), forecast(1.0, false));

    @Test
    void reliabilityTableInTwoBins() {
        // [0, 0.5): 0.2 miss, 0.3 hit → n 2, mean confidence 0.25, hit rate 0.5, gap +0.25
        // [0.5, 1]: 0.8, 0.9 hit, 1.0 miss → n 3, mean confidence 0.9, hit rate 2/3, gap -0.233333
        // ECE = (2 · 0.25 + 3 · 0.233333) / 5 = (0.5 + 0.7) / 5 = 0.24
        ReliabilityTable table = ReliabilityTable.of(FORECASTS, 2, 0.95);
        assertThat(table.bins()).hasSize(2);
        ReliabilityBin low = table.bins().get(0);
        assertThat(low.lower()).isZero();
        assertThat(low.upper()).isEqualTo(0.5);
        assertThat(low.count()).isEqualTo(2);
        assertThat(low.meanConfidence()).isCloseTo(0.25, within(1e-15));
        assertThat(low.hitRate().rate()).isEqualTo(0.5);
        assertThat(low.gap()).isCloseTo(0.25, within(1e-15));
        ReliabilityBin high = table.bins().get(1);
        assertThat(high.count()).isEqualTo(3);
        assertThat(high.meanConfidence()).isCloseTo(0.9, within(1e-15));
        assertThat(high.hitRate().rate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(table.expectedCalibrationError()).isCloseTo(0.24, within(1e-12));
    }

    @Test
    void defaultTableHasTenBinsAndEmptyBinsAreUndefined() {
        ReliabilityTable table = ReliabilityTable.of(FORECASTS);
        assertThat(table.bins()).hasSize(10);
        assertThat(table.bins().get(9).count()).isEqualTo(2); // 0.9 and 1.0: the last bin includes 1
        assertThat(table.bins().get(0).meanConfidence()).isNaN();
        ReliabilityTable empty = ReliabilityTable.of(List.of(), 5, 0.95);
        assertThat(empty.count()).isZero();
        assertThat(empty.expectedCalibrationError()).isNaN();
        assertThatThrownBy(() -> ReliabilityTable.of(FORECASTS, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brierScoreAndSkillAgainstTheBaseRate() {
        // (0.2-0)² + (0.3-1)² + (0.8-1)² + (0.9-1)² + (1.0-0)² = 0.04 + 0.49 + 0.04 + 0.01 + 1 = 1.58 → BS 0.316
        // base rate 3/5 = 0.6 → reference 0.6 · 0.4 = 0.24 → BSS = 1 - 0.316/0.24 = -0.3166667 (worse than the base
        // rate)
        BrierScore brier = BrierScore.of(FORECASTS);
        assertThat(brier.score()).isCloseTo(0.316, within(1e-12));
        assertThat(brier.baseRate()).isEqualTo(0.6);
        assertThat(brier.referenceScore()).isCloseTo(0.24, within(1e-15));
        assertThat(brier.skillScore()).isCloseTo(-0.3166667, within(1e-7));
    }

    @Test
    void perfectForecastsHaveFullSkillAndDegenerateSamplesNone() {
        BrierScore perfect = BrierScore.of(List.of(forecast(1, true), forecast(0, false)));
        assertThat(perfect.score()).isZero();
        assertThat(perfect.skillScore()).isEqualTo(1);
        BrierScore allHits = BrierScore.of(List.of(forecast(0.7, true), forecast(0.9, true)));
        assertThat(allHits.score()).isCloseTo((0.09 + 0.01) / 2, within(1e-15));
        assertThat(allHits.skillScore()).isNaN();
        assertThat(BrierScore.of(List.of()).score()).isNaN();
    }
}
