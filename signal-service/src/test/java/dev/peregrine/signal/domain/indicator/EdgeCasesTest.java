package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed small cases and the chosen answers where a formula would divide by zero. */
class EdgeCasesTest {

    @Test
    void rsiIsFiftyInAFlatMarketAndHundredWithoutLosses() {
        Rsi flat = new Rsi(3);
        Rsi rising = new Rsi(3);
        for (int i = 0; i < 4; i++) {
            flat.update(100);
            rising.update(100 + i);
        }
        assertThat(flat.value()).isEqualTo(50);
        assertThat(rising.value()).isEqualTo(100);
    }

    @Test
    void rsiIsSeededWithTheAverageGainAndLossThenSmoothedTheWilderWay() {
        Rsi rsi = new Rsi(2);
        rsi.update(10);
        rsi.update(12); // +2
        assertThat(rsi.isWarm()).isFalse();
        rsi.update(11); // -1: avg gain 1, avg loss 0.5
        assertThat(rsi.value()).isCloseTo(100 - 100 / (1 + 1 / 0.5), within(1e-12));
        rsi.update(14); // +3: gain (1 + 3) / 2 = 2, loss 0.5 / 2 = 0.25
        assertThat(rsi.value()).isCloseTo(100 - 100 / (1 + 2 / 0.25), within(1e-12));
    }

    @Test
    void stochasticOfAWindowWithoutRangeIsFifty() {
        Stochastic stochastic = new Stochastic(3, 2);
        for (int i = 0; i < 4; i++) {
            stochastic.update(10, 10, 10);
        }
        assertThat(stochastic.k()).isEqualTo(50);
        assertThat(stochastic.d()).isEqualTo(50);
    }

    @Test
    void stochasticPlacesTheCloseInTheWindowsRange() {
        Stochastic stochastic = new Stochastic(3, 2);
        stochastic.update(12, 8, 10);
        stochastic.update(15, 9, 14);
        assertThat(stochastic.isKWarm()).isFalse();
        stochastic.update(13, 10, 11); // highest 15, lowest 8: (11 - 8) / 7
        assertThat(stochastic.k()).isCloseTo(300 / 7.0, within(1e-12));
        assertThat(stochastic.isDWarm()).isFalse();
        stochastic.update(16, 12, 16); // highest 16, lowest 9: 100
        assertThat(stochastic.k()).isCloseTo(100, within(1e-12));
        assertThat(stochastic.d()).isCloseTo((300 / 7.0 + 100) / 2, within(1e-12));
    }

    @Test
    void bollingerBandsOfAFlatWindowCollapseOntoTheMiddle() {
        BollingerBands bands = new BollingerBands(4, 2);
        for (int i = 0; i < 6; i++) {
            bands.update(0.1);
        }
        assertThat(bands.upper()).isEqualTo(bands.middle());
        assertThat(bands.lower()).isEqualTo(bands.middle());
        assertThat(bands.percentB()).isEqualTo(0.5);
        assertThat(bands.bandwidth()).isZero();
    }

    @Test
    void bollingerBandsUseThePopulationDeviation() {
        BollingerBands bands = new BollingerBands(4, 2);
        for (double close : new double[] {2, 4, 4, 6}) {
            bands.update(close);
        }
        // mean 4, population variance (4 + 0 + 0 + 4) / 4 = 2
        assertThat(bands.middle()).isEqualTo(4);
        assertThat(bands.upper()).isCloseTo(4 + 2 * Math.sqrt(2), within(1e-12));
        assertThat(bands.percentB()).isCloseTo((6 - (4 - 2 * Math.sqrt(2))) / (4 * Math.sqrt(2)), within(1e-12));
        assertThat(bands.bandwidth()).isCloseTo(4 * Math.sqrt(2) / 4, within(1e-12));
    }

    @Test
    void volumeZScoreOfEqualVolumesIsZero() {
        VolumeZScore z = new VolumeZScore(3);
        for (int i = 0; i < 5; i++) {
            z.update(0.3);
        }
        assertThat(z.value()).isZero();
        z.update(0.6); // window 0.3, 0.3, 0.6: mean 0.4, sd sqrt(0.06 / 3)
        assertThat(z.value()).isCloseTo(0.2 / Math.sqrt(0.02), within(1e-9));
    }

    @Test
    void adxOfBarsWithoutRangeOrMovementIsZero() {
        Adx adx = new Adx(2);
        for (int i = 0; i < 6; i++) {
            adx.update(10, 10, 10);
        }
        assertThat(adx.plusDi()).isZero();
        assertThat(adx.minusDi()).isZero();
        assertThat(adx.value()).isZero();
    }

    @Test
    void adxOfAStraightUptrendIsHundred() {
        Adx adx = new Adx(2);
        for (int i = 0; i < 6; i++) {
            adx.update(11 + i, 9 + i, 10 + i);
        }
        assertThat(adx.minusDi()).isZero();
        assertThat(adx.plusDi()).isCloseTo(50, within(1e-12)); // +DM 1 per bar over a true range of 2
        assertThat(adx.value()).isCloseTo(100, within(1e-12));
    }

    @Test
    void equalUpAndDownMovesAreNeitherPlusNorMinusMovement() {
        Adx adx = new Adx(1);
        adx.update(10, 8, 9);
        adx.update(11, 7, 9); // outside bar: up-move 1 equals down-move 1
        assertThat(adx.plusDi()).isZero();
        assertThat(adx.minusDi()).isZero();
        adx.update(13, 8, 12); // up-move 2 beats down-move -1
        assertThat(adx.plusDi()).isCloseTo(100 * 2 / 5.0, within(1e-12));
        assertThat(adx.minusDi()).isZero();
    }

    @Test
    void donchianPreviousChannelExcludesTheCurrentBarForBreakouts() {
        DonchianChannel channel = new DonchianChannel(3);
        channel.update(10, 5);
        channel.update(12, 6);
        channel.update(11, 7);
        assertThat(channel.isPreviousWarm()).isFalse();
        channel.update(20, 8);
        assertThat(channel.upper()).isEqualTo(20);
        assertThat(channel.previousUpper())
                .as("the three bars before: 10, 12, 11")
                .isEqualTo(12);
        assertThat(channel.previousLower()).isEqualTo(5);
        assertThat(channel.lower()).isEqualTo(6);
        assertThat(channel.middle()).isEqualTo(13);
    }

    @Test
    void macdSignalStartsOnceTheLineExists() {
        Macd macd = new Macd(2, 3, 2);
        macd.update(1);
        macd.update(2);
        assertThat(macd.isLineWarm()).isFalse();
        macd.update(3); // fast EMA(2): seed 1.5 then 1.5 + 2/3 * 1.5 = 2.5; slow EMA(3) seed 2: line 0.5
        assertThat(macd.line()).isCloseTo(0.5, within(1e-12));
        assertThat(macd.isWarm()).isFalse();
        macd.update(4); // fast 2.5 + 2/3 * 1.5 = 3.5; slow 2 + 0.5 * 2 = 3: line 0.5; signal seed (0.5 + 0.5) / 2
        assertThat(macd.signal()).isCloseTo(0.5, within(1e-12));
        assertThat(macd.histogram()).isCloseTo(0, within(1e-12));
    }

    @Test
    void invalidConfigurationsAreRefusedWithTheNameOfWhatToFix() {
        assertThatThrownBy(() -> new Macd(26, 12, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BollingerBands(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BollingerBands(20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollingVolatility(1)).isInstanceOf(IllegalArgumentException.class);
        IndicatorPeriods d = IndicatorPeriods.defaults();
        assertThatThrownBy(() -> d.withCrossover(21, 9, 14))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("emaFast");
        assertThatThrownBy(() -> d.withCrossover(9, 21, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atr");
        assertThatThrownBy(() ->
                        new IndicatorPeriods(9, 21, 50, 200, 14, 12, 26, 9, 20, Double.NaN, 14, 14, 14, 3, 20, 20, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bollingerK");
    }

    @Test
    void volatilityRefusesNonPositiveCloses() {
        assertThatThrownBy(() -> new RollingVolatility(5).update(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
