package dev.peregrine.backtest.research.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrierScoreTest {

    private static final List<Prediction> FOUR = List.of(
            new Prediction(0.8, true),
            new Prediction(0.3, false),
            new Prediction(0.6, false),
            new Prediction(0.9, true));

    @Test
    void brierScoreAndSkillByHand() {
        // (0.04 + 0.09 + 0.36 + 0.01) / 4
        assertThat(BrierScore.of(FOUR)).isCloseTo(0.125, within(1e-15));
        // base rate 0.5: reference 0.25, skill 0.5
        assertThat(BrierScore.skill(FOUR, 0.5)).isCloseTo(0.5, within(1e-15));
        // base rate 0.4: reference (0.36 + 0.16 + 0.16 + 0.36) / 4 = 0.26
        assertThat(BrierScore.skill(FOUR, 0.4)).isCloseTo(1 - 0.125 / 0.26, within(1e-15));
        assertThat(BrierScore.hitRate(FOUR)).isEqualTo(0.5);
    }

    @Test
    void reliabilityTableByHand() {
        ReliabilityTable table = ReliabilityTable.of(FOUR, 4);

        assertThat(table.bins()).hasSize(4);
        assertThat(table.bins().get(0)).isEqualTo(new ReliabilityTable.Bin(0, 0.25, 0, null, null));
        assertThat(table.bins().get(1)).isEqualTo(new ReliabilityTable.Bin(0.25, 0.5, 1, 0.3, 0.0));
        assertThat(table.bins().get(2)).isEqualTo(new ReliabilityTable.Bin(0.5, 0.75, 1, 0.6, 0.0));
        assertThat(table.bins().get(3).count()).isEqualTo(2);
        assertThat(table.bins().get(3).meanPredicted()).isCloseTo(0.85, within(1e-15));
        assertThat(table.bins().get(3).observedFrequency()).isEqualTo(1.0);
        assertThat(ReliabilityTable.of(List.of(new Prediction(1.0, true)), 4)
                        .bins()
                        .get(3)
                        .count())
                .isEqualTo(1);
    }
}
