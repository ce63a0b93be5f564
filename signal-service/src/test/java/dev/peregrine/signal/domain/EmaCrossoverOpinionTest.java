package dev.peregrine.signal.domain;

import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.analyst.Stance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmaCrossoverOpinionTest {

    /** A BUY whose separation and slow-EMA slope are given in ATRs (ATR = 2). */
    private static Opinion buy(double separationAtr, double slopeAtr) {
        double atr = 2.0;
        double slow = 100.0;
        return EmaCrossoverOpinion.of(Side.BUY, new IndicatorSnapshot(slow + separationAtr * atr, slow, slow - slopeAtr * atr, atr));
    }

    @Test
    void aDecisiveCrossWithARisingSlowEmaIsFullyConfident() {
        Opinion opinion = buy(0.5, 0.1);
        assertThat(opinion.analystId()).isEqualTo("ema-crossover");
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(1.0);
        assertThat(opinion.arguments()).extracting(Argument::name).containsExactly("EMA_CROSS_UP", "SEPARATION", "SLOW_EMA_SLOPE");
        assertThat(opinion.arguments().get(1).value()).isEqualTo(0.5);
        assertThat(opinion.arguments().get(1).threshold()).isEqualTo(0.5);
    }

    @Test
    void confidenceFollowsTheFirstVersionScoreAndSaturates() {
        // 0.6 x min(1, 0.25/0.5) + 0.4 x min(1, 0.05/0.1) = 0.5
        assertThat(buy(0.25, 0.05).confidence()).isEqualTo(0.5);
        // separation beyond half an ATR adds nothing, a falling slow EMA counts 0
        assertThat(buy(3.0, -0.5).confidence()).isEqualTo(0.6);
        // 0.6 x 0.2 + 0.4 x 1 = 0.52
        assertThat(buy(0.1, 0.7).confidence()).isEqualTo(0.52);
    }

    @Test
    void aSellMirrorsABuy() {
        double atr = 2.0;
        Opinion sell = EmaCrossoverOpinion.of(Side.SELL, new IndicatorSnapshot(100.0 - 0.25 * atr, 100.0, 100.0 + 0.05 * atr, atr));
        assertThat(sell.stance()).isEqualTo(Stance.BEARISH);
        assertThat(sell.confidence()).isEqualTo(0.5);
        assertThat(sell.arguments().getFirst().name()).isEqualTo("EMA_CROSS_DOWN");
    }

    @Test
    void confidenceIsMonotoneInSeparationAndSlope() {
        for (double slope = -0.1; slope <= 0.2; slope += 0.01) {
            double previous = -1;
            for (double separation = -0.2; separation <= 1.0; separation += 0.01) {
                double confidence = buy(separation, slope).confidence();
                assertThat(confidence).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
                previous = confidence;
            }
        }
        for (double separation = 0; separation <= 0.6; separation += 0.05) {
            double previous = -1;
            for (double slope = -0.1; slope <= 0.3; slope += 0.005) {
                double confidence = buy(separation, slope).confidence();
                assertThat(confidence).isGreaterThanOrEqualTo(previous);
                previous = confidence;
            }
        }
    }

    @Test
    void withoutVolatilityThereIsNoEvidence() {
        Opinion flat = EmaCrossoverOpinion.of(Side.BUY, new IndicatorSnapshot(100.5, 100, 99, 0.0));
        assertThat(flat.confidence()).isZero();
        assertThat(flat.arguments().get(1).value()).isZero();
    }
}
