package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.TestMarket.calmBar;
import static dev.peregrine.signal.domain.analyst.TestMarket.context;
import static dev.peregrine.signal.domain.analyst.TestMarket.names;
import static dev.peregrine.signal.domain.analyst.TestMarket.warm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.signal.domain.regime.Regime;
import org.junit.jupiter.api.Test;

class MeanReversionAnalystTest {

    private static final Regime RANGING_LOW = new Regime(Regime.Trend.RANGING, Regime.Volatility.LOW);
    private static final Regime RANGING_HIGH = new Regime(Regime.Trend.RANGING, Regime.Volatility.HIGH);
    private static final Regime TRENDING_LOW = new Regime(Regime.Trend.TRENDING, Regime.Volatility.LOW);

    private final MeanReversionAnalyst analyst = MeanReversionAnalyst.withDefaults();

    private Opinion assess(TestMarket.Indicators indicators, Regime regime) {
        return analyst.assess(context(calmBar(100), indicators.build(), regime));
    }

    private static TestMarket.Indicators oversoldAndTurning() {
        return warm().percentB(-0.1).rsi(20, 24).adx(15, 20, 20);
    }

    @Test
    void belowTheLowerBandAndOversoldInAQuietRangeIsBullish() {
        Opinion opinion = assess(oversoldAndTurning(), RANGING_LOW);

        // 0.30 + 0.20 * ramp(-0.1; 0 -> -0.2) = 0.10 + 0.20 * ramp(24; 30 -> 15) = 0.08 + 0.15 (RSI turned up) + 0.15
        // (LOW)
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.78);
        assertThat(names(opinion))
                .containsExactly(
                        "BULL_BELOW_LOWER_BAND",
                        "BULL_RSI_OVERSOLD",
                        "BULL_RSI_TURNING_UP",
                        "BULL_RANGE_BOUND",
                        "BULL_LOW_VOLATILITY");
        assertThat(Arguments.against(opinion)).isEmpty();
    }

    @Test
    void aboveTheUpperBandAndOverboughtIsBearishAndNamesWhatSpeaksAgainst() {
        Opinion opinion = assess(warm().percentB(1.2).rsi(80, 85).adx(18, 20, 20), RANGING_HIGH);

        // 0.30 + 0.20 * 1 + 0.20 * 1 + 0.15 * 0 (RSI still rising) + 0.15 * 0 (HIGH volatility)
        assertThat(opinion.stance()).isEqualTo(Stance.BEARISH);
        assertThat(opinion.confidence()).isEqualTo(0.70);
        assertThat(Arguments.against(opinion))
                .extracting(Argument::name)
                .containsExactly("BULL_RSI_STILL_RISING", "BULL_HIGH_VOLATILITY");
    }

    @Test
    void isSilentInATrendingRegimeHoweverStretchedThePrice() {
        Opinion opinion = assess(oversoldAndTurning().percentB(-0.5).rsi(5, 10), TRENDING_LOW);

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(opinion)).containsExactly("REGIME_TRENDING");
    }

    @Test
    void withTheTrendRegimeUnknownItSpeaksOnlyAtLowAdx() {
        Opinion highAdx = assess(oversoldAndTurning().adx(30, 20, 20), Regime.UNKNOWN);
        Opinion lowAdx = assess(oversoldAndTurning().adx(18, 20, 20), Regime.UNKNOWN);

        assertThat(highAdx.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(highAdx)).containsExactly("ADX_TOO_HIGH");
        // as the first case, with 0.15 * 0.5 for the unknown volatility
        assertThat(lowAdx.stance()).isEqualTo(Stance.BULLISH);
        assertThat(lowAdx.confidence()).isEqualTo(0.705);
    }

    @Test
    void oneExtremeAloneIsNeutral() {
        Opinion bandOnly = assess(warm().percentB(-0.1).rsi(40, 38), RANGING_LOW);
        Opinion rsiOnly = assess(warm().percentB(0.2).rsi(25, 22), RANGING_LOW);

        assertThat(bandOnly.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(bandOnly)).containsExactly("NO_TRIGGER");
        assertThat(rsiOnly.stance()).isEqualTo(Stance.NEUTRAL);
    }

    @Test
    void oversoldButStillFallingIsWeakerAndSaysSo() {
        Opinion opinion = assess(warm().percentB(0.0).rsi(30, 30).adx(15, 20, 20), RANGING_LOW);

        // exactly on both thresholds: 0.30 + 0 + 0 + 0 (RSI flat is no turn) + 0.15
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.45);
        assertThat(Arguments.against(opinion)).extracting(Argument::name).containsExactly("BEAR_RSI_STILL_FALLING");
    }

    @Test
    void staysNeutralUntilBollingerRsiAndAdxAreWarm() {
        Opinion opinion = assess(oversoldAndTurning().noBollinger().noAdx(), RANGING_LOW);

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(opinion.arguments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("WARMING_UP");
            assertThat(a.text()).isEqualTo("not warm yet: Bollinger %B, ADX");
        });
    }

    @Test
    void configRejectsCrossedThresholds() {
        assertThatThrownBy(() -> new MeanReversionConfig(0, 1, 70, 30, 20, 0.2, 15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oversoldRsi < overboughtRsi");
        assertThatThrownBy(() -> new MeanReversionConfig(1, 0, 30, 70, 20, 0.2, 15))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
