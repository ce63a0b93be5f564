package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.TestMarket.calmBar;
import static dev.peregrine.signal.domain.analyst.TestMarket.cold;
import static dev.peregrine.signal.domain.analyst.TestMarket.context;
import static dev.peregrine.signal.domain.analyst.TestMarket.names;
import static dev.peregrine.signal.domain.analyst.TestMarket.warm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MomentumAnalystTest {

    private final MomentumAnalyst analyst = MomentumAnalyst.withDefaults();

    private Opinion assess(TestMarket.Indicators indicators) {
        return analyst.assess(context(calmBar(100), indicators.build()));
    }

    @Test
    void emaCrossUpConfirmedByRisingMacdStrongTrendAndDiIsBullish() {
        Opinion opinion =
                assess(warm().emas(99.9, 100, 100.2, 100).histogram(0.2, 0.5).adx(30, 25, 15));

        // 0.25 * 1 + 0.30 * 1 (positive, rising) + 0.30 * ramp(30; 20 -> 40) = 0.15 + 0.15 * 1
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.85);
        assertThat(opinion.analystId()).isEqualTo("momentum");
        assertThat(names(opinion))
                .containsExactly(
                        "BULL_EMA_CROSS_UP",
                        "BULL_MACD_POSITIVE",
                        "BULL_MACD_RISING",
                        "BULL_TREND_STRENGTH",
                        "BULL_DI_POSITIVE");
        assertThat(Arguments.against(opinion)).isEmpty();
        assertThat(opinion.arguments().getFirst().value()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void emaCrossUpInAWeakTrendWithFallingMacdIsBullishButWeakAndSaysWhy() {
        Opinion opinion =
                assess(warm().emas(99.9, 100, 100.2, 100).histogram(0.5, 0.3).adx(15, 18, 20));

        // 0.25 * 1 + 0.30 * 0.5 (positive but falling) + 0.30 * 0 (ADX < 20) + 0.15 * 0 (-DI above +DI)
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.40);
        assertThat(Arguments.against(opinion))
                .extracting(Argument::name)
                .containsExactly("BEAR_MACD_FALLING", "BEAR_WEAK_TREND", "BEAR_DI_NEGATIVE");
        Argument weakTrend = opinion.arguments().get(3);
        assertThat(weakTrend.value()).isEqualTo(15);
        assertThat(weakTrend.threshold()).isEqualTo(20);
    }

    @Test
    void emaCrossDownWithEverythingConfirmingIsBearishAtFullConfidence() {
        Opinion opinion =
                assess(warm().emas(100.1, 100, 99.8, 100).histogram(-0.1, -0.4).adx(45, 12, 30));

        assertThat(opinion.stance()).isEqualTo(Stance.BEARISH);
        assertThat(opinion.confidence()).isEqualTo(1.0);
        assertThat(names(opinion))
                .containsExactly(
                        "BEAR_EMA_CROSS_DOWN",
                        "BEAR_MACD_NEGATIVE",
                        "BEAR_MACD_FALLING",
                        "BEAR_TREND_STRENGTH",
                        "BEAR_DI_NEGATIVE");
    }

    @Test
    void emaCrossDownInAWeakTrendPutsTheWeakTrendInTheBullCase() {
        Opinion opinion =
                assess(warm().emas(100.1, 100, 99.8, 100).histogram(0.3, 0.4).adx(19.9, 25, 15));

        // 0.25 + 0.30 * 0 (positive and rising: against) + 0 (ADX < 20) + 0 (+DI above)
        assertThat(opinion.stance()).isEqualTo(Stance.BEARISH);
        assertThat(opinion.confidence()).isEqualTo(0.25);
        assertThat(Arguments.against(opinion))
                .extracting(Argument::name)
                .containsExactly("BULL_MACD_POSITIVE", "BULL_MACD_RISING", "BULL_WEAK_TREND", "BULL_DI_POSITIVE");
    }

    @Test
    void macdZeroCrossWithTheEmasAlreadyAlignedIsAContinuationAtHalfTriggerScore() {
        Opinion opinion =
                assess(warm().emas(100.5, 100, 100.6, 100).histogram(-0.1, 0.2).adx(25, 22, 18));

        // 0.25 * 0.5 + 0.30 * 1 + 0.30 * 0.25 + 0.15 * 1
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.65);
        assertThat(names(opinion).getFirst()).isEqualTo("BULL_MACD_ZERO_CROSS_UP");
    }

    @Test
    void bearishContinuationMirrorsTheBullishOne() {
        Opinion opinion =
                assess(warm().emas(99.5, 100, 99.4, 100).histogram(0.1, -0.2).adx(40, 10, 30));

        assertThat(opinion.stance()).isEqualTo(Stance.BEARISH);
        assertThat(opinion.confidence()).isEqualTo(0.875);
        assertThat(names(opinion).getFirst()).isEqualTo("BEAR_MACD_ZERO_CROSS_DOWN");
    }

    @Test
    void noCrossIsNeutral() {
        Opinion flat = assess(warm());
        Opinion macdAgainstTheEmas = assess(warm().emas(99, 100, 99, 100).histogram(-0.1, 0.2));
        Opinion alreadyAbove = assess(warm().emas(100.2, 100, 100.3, 100).histogram(0.2, 0.3));

        for (Opinion opinion : new Opinion[] {flat, macdAgainstTheEmas, alreadyAbove}) {
            assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
            assertThat(opinion.confidence()).isZero();
            assertThat(names(opinion)).containsExactly("NO_TRIGGER");
        }
    }

    @Test
    void staysNeutralUntilItsIndicatorsAreWarmAndSaysWhichAreNot() {
        Opinion cold = assess(cold());
        Opinion noAdx =
                assess(warm().emas(99.9, 100, 100.2, 100).histogram(0.2, 0.5).noAdx());

        assertThat(cold.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(cold.arguments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("WARMING_UP");
            assertThat(a.value()).isEqualTo(9);
            assertThat(a.text()).startsWith("not warm yet: fast EMA");
        });
        assertThat(noAdx.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(noAdx.arguments()).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo(1);
            assertThat(a.text()).isEqualTo("not warm yet: ADX");
        });
    }

    @Test
    void configRejectsThresholdsThatCannotWork() {
        assertThatThrownBy(() -> new MomentumConfig(40, 20, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adxWeak < adxStrong");
        assertThatThrownBy(() -> new MomentumConfig(20, 40, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MomentumConfig.defaults()).isEqualTo(new MomentumConfig(20, 40, 0.5));
    }
}
