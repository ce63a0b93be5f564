package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.TestMarket.bar;
import static dev.peregrine.signal.domain.analyst.TestMarket.calmBar;
import static dev.peregrine.signal.domain.analyst.TestMarket.context;
import static dev.peregrine.signal.domain.analyst.TestMarket.names;
import static dev.peregrine.signal.domain.analyst.TestMarket.warm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Levels in these cases: previous Donchian 95-105, prior day 97-103, ATR 2. */
class BreakoutAnalystTest {

    private final BreakoutAnalyst analyst = BreakoutAnalyst.withDefaults();

    @Test
    void closeAboveTheChannelAndThePriorDayHighOnHeavyVolumeIsBullish() {
        var values = warm().close(106).previousClose(102.5).volumeZScore(2.0).build();
        Opinion opinion = analyst.assess(context(bar(102.5, 106.5, 102.5, 106, 300, 180), values));

        // level 105 (the higher broken one), 1.0 beyond = 0.5 ATR: 0.20 + 0.20 * 1 (both kinds) + 0.20 * 1
        // + 0.20 * ramp(2; 1 -> 3) = 0.10 + 0.20 * (106 - 102.5) / 4 = 0.175
        assertThat(opinion.stance()).isEqualTo(Stance.BULLISH);
        assertThat(opinion.confidence()).isEqualTo(0.875);
        assertThat(names(opinion))
                .containsExactly(
                        "BULL_DONCHIAN_BREAKOUT",
                        "BULL_PRIOR_DAY_HIGH_BREAK",
                        "BULL_VOLUME_CONFIRMS",
                        "BULL_DECISIVE_BREAK",
                        "BULL_STRONG_CLOSE");
    }

    @Test
    void aBreakoutOnOrdinaryVolumeIsNotConfirmed() {
        var values = warm().close(106).previousClose(102.5).volumeZScore(0.5).build();
        Opinion opinion = analyst.assess(context(bar(102.5, 106.5, 102.5, 106, 100, 60), values));

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(opinion.confidence()).isZero();
        assertThat(names(opinion))
                .containsExactly("BULL_DONCHIAN_BREAKOUT", "BULL_PRIOR_DAY_HIGH_BREAK", "UNCONFIRMED_BREAKOUT");
        assertThat(opinion.arguments().getLast().value()).isEqualTo(0.5);
        assertThat(opinion.arguments().getLast().threshold()).isEqualTo(1.0);
    }

    @Test
    void closeBelowTheChannelIsBearishEvenWhenShallow() {
        var values = warm().close(94.5).previousClose(96).volumeZScore(3.0).build();
        Opinion opinion = analyst.assess(context(bar(96, 96.5, 94, 94.5, 400, 150), values));

        // only the channel (the prior day low 97 was already broken: previous close 96): 0.20 + 0.20 * 0.5
        // + 0.20 * ramp(0.25 ATR; 0 -> 0.5) = 0.10 + 0.20 * 1 + 0.20 * (96.5 - 94.5) / 2.5 = 0.16
        assertThat(opinion.stance()).isEqualTo(Stance.BEARISH);
        assertThat(opinion.confidence()).isEqualTo(0.76);
        assertThat(names(opinion))
                .containsExactly(
                        "BEAR_DONCHIAN_BREAKOUT", "BEAR_VOLUME_CONFIRMS", "BULL_SHALLOW_BREAK", "BEAR_STRONG_CLOSE");
        assertThat(Arguments.against(opinion)).extracting(Argument::name).containsExactly("BULL_SHALLOW_BREAK");
    }

    @Test
    void aLongWickBackIntoTheRangeSpeaksAgainstTheBreakout() {
        var values = warm().close(94.5).previousClose(96).volumeZScore(3.0).build();
        Opinion opinion = analyst.assess(context(bar(96, 96.5, 92, 94.5, 400, 150), values));

        assertThat(opinion.stance()).isEqualTo(Stance.BEARISH);
        assertThat(Arguments.against(opinion))
                .extracting(Argument::name)
                .containsExactly("BULL_SHALLOW_BREAK", "BULL_LONG_LOWER_WICK");
    }

    @Test
    void thePriorDayLevelCountsOnlyOnTheBarThatCrossesIt() {
        var crossing = warm().close(104).previousClose(102).volumeZScore(1.5).build();
        var alreadyAbove =
                warm().close(104).previousClose(103.5).volumeZScore(1.5).build();

        Opinion fresh = analyst.assess(context(bar(102, 104.2, 101.8, 104, 200, 120), crossing));
        Opinion stale = analyst.assess(context(bar(103.5, 104.2, 103.4, 104, 200, 120), alreadyAbove));

        assertThat(fresh.stance()).isEqualTo(Stance.BULLISH);
        assertThat(names(fresh)).startsWith("BULL_PRIOR_DAY_HIGH_BREAK");
        assertThat(stale.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(stale)).containsExactly("NO_TRIGGER");
    }

    @Test
    void insideTheLevelsIsNeutral() {
        Opinion opinion =
                analyst.assess(context(calmBar(100), warm().volumeZScore(4).build()));

        assertThat(opinion.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(names(opinion)).containsExactly("NO_TRIGGER");
    }

    @Test
    void staysNeutralUntilTheChannelIsWarmButDoesNotWaitForThePriorDay() {
        var noChannel = warm().close(106)
                .previousClose(102.5)
                .volumeZScore(2.0)
                .noDonchian()
                .build();
        var noPriorDay = warm().close(106)
                .previousClose(102.5)
                .volumeZScore(2.0)
                .noPriorDay()
                .build();

        Opinion cold = analyst.assess(context(bar(102.5, 106.5, 102.5, 106, 300, 180), noChannel));
        Opinion channelOnly = analyst.assess(context(bar(102.5, 106.5, 102.5, 106, 300, 180), noPriorDay));

        assertThat(cold.stance()).isEqualTo(Stance.NEUTRAL);
        assertThat(cold.arguments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("WARMING_UP");
            assertThat(a.text()).isEqualTo("not warm yet: previous Donchian upper, previous Donchian lower");
        });
        // one kind of level: 0.875 - 0.20 * 0.5
        assertThat(channelOnly.stance()).isEqualTo(Stance.BULLISH);
        assertThat(channelOnly.confidence()).isEqualTo(0.775);
    }

    @Test
    void configNeedsAVolumeRampThatRises() {
        assertThatThrownBy(() -> new BreakoutConfig(3, 1, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minVolumeZ < fullVolumeZ");
        assertThatThrownBy(() -> new BreakoutConfig(1, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
