package dev.peregrine.signal.domain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.signal.domain.analyst.TestMarket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegimeClassifierTest {

    private int bar;

    private Instant nextOpenTime() {
        return TestMarket.T0.plus(TestMarket.HOUR.multipliedBy(bar++));
    }

    private Regime.Trend trendAt(RegimeClassifier classifier, double adx) {
        return classifier
                .update(TestMarket.warm()
                        .openTime(nextOpenTime())
                        .adxOnly(adx)
                        .noVolatility()
                        .build())
                .trend();
    }

    private Regime.Volatility volatilityAt(RegimeClassifier classifier, double volatility) {
        return classifier
                .update(TestMarket.warm()
                        .openTime(nextOpenTime())
                        .volatility(volatility)
                        .build())
                .volatility();
    }

    @Test
    void trendHoldsItsStateInsideTheAdxBand() {
        RegimeClassifier classifier = RegimeClassifier.withDefaults();

        List<Regime.Trend> trends = new ArrayList<>();
        for (double adx : new double[] {30, 24, 21, 20, 22, 24.9, 25, 20.1}) {
            trends.add(trendAt(classifier, adx));
        }

        assertThat(trends)
                .containsExactly(
                        Regime.Trend.TRENDING,
                        Regime.Trend.TRENDING,
                        Regime.Trend.TRENDING,
                        Regime.Trend.RANGING,
                        Regime.Trend.RANGING,
                        Regime.Trend.RANGING,
                        Regime.Trend.TRENDING,
                        Regime.Trend.TRENDING);
    }

    @Test
    void aFirstReadingInsideTheBandIsDecidedByItsMidpoint() {
        assertThat(trendAt(RegimeClassifier.withDefaults(), 22.5)).isEqualTo(Regime.Trend.TRENDING);
        assertThat(trendAt(RegimeClassifier.withDefaults(), 22.4)).isEqualTo(Regime.Trend.RANGING);
    }

    @Test
    void everythingIsUnknownUntilWarm() {
        RegimeClassifier classifier = RegimeClassifier.withDefaults();

        Regime regime =
                classifier.update(TestMarket.cold().openTime(nextOpenTime()).build());

        assertThat(regime).isSameAs(Regime.UNKNOWN);
        assertThat(classifier.volatilityRatio()).isEmpty();
    }

    @Test
    void volatilityIsHighOrLowAgainstItsOwnLongRunLevelWithHysteresis() {
        RegimeClassifier classifier = new RegimeClassifier(new RegimeConfig(25, 20, 5, 1.15, 0.87));

        for (int i = 0; i < 5; i++) {
            assertThat(volatilityAt(classifier, 0.01)).isEqualTo(Regime.Volatility.UNKNOWN);
        }
        assertThat(volatilityAt(classifier, 0.012)).isEqualTo(Regime.Volatility.HIGH);
        assertThat(classifier.volatilityRatio().getAsDouble()).isCloseTo(1.2, within(1e-12));
        // baseline now 0.01 * 1.2^(1/3) = 0.010627: ratio 0.988 is inside the band, HIGH holds
        assertThat(volatilityAt(classifier, 0.0105)).isEqualTo(Regime.Volatility.HIGH);
        assertThat(classifier.volatilityRatio().getAsDouble())
                .isCloseTo(0.0105 / (0.01 * Math.cbrt(1.2)), within(1e-12));
        assertThat(volatilityAt(classifier, 0.009)).isEqualTo(Regime.Volatility.LOW);
        assertThat(volatilityAt(classifier, 0.0105)).isEqualTo(Regime.Volatility.LOW);
    }

    @Test
    void calmAndStormyStretchesOfAMarketAreToldApart() {
        RegimeClassifier classifier = RegimeClassifier.withDefaults();
        int high = 0;
        int low = 0;
        for (int i = 0; i < 2_000; i++) {
            boolean storm = (i / 300) % 2 == 1;
            double volatility = (storm ? 0.02 : 0.008) * (1 + 0.1 * Math.sin(i));
            Regime.Volatility state = volatilityAt(classifier, volatility);
            int phaseBar = i % 300;
            if (i >= 600 && phaseBar >= 50) {
                // well inside a phase, once the baseline has seen both kinds
                assertThat(state).isEqualTo(storm ? Regime.Volatility.HIGH : Regime.Volatility.LOW);
                if (storm) {
                    high++;
                } else {
                    low++;
                }
            }
        }
        assertThat(high).isPositive();
        assertThat(low).isPositive();
    }

    @Test
    void aZeroVolatilityIsLowNotAnError() {
        RegimeClassifier classifier = new RegimeClassifier(new RegimeConfig(25, 20, 2, 1.15, 0.87));
        volatilityAt(classifier, 0.01);
        volatilityAt(classifier, 0.01);

        assertThat(volatilityAt(classifier, 0.0)).isEqualTo(Regime.Volatility.LOW);
        assertThat(classifier.volatilityRatio().getAsDouble()).isLessThan(1e-9);
        assertThat(volatilityAt(classifier, 0.01)).isEqualTo(Regime.Volatility.HIGH);
    }

    @Test
    void aBarThatIsNotNewerLeavesTheRegimeAlone() {
        RegimeClassifier classifier = RegimeClassifier.withDefaults();
        Instant open = nextOpenTime();
        Regime first =
                classifier.update(TestMarket.warm().openTime(open).adxOnly(30).build());

        Regime again =
                classifier.update(TestMarket.warm().openTime(open).adxOnly(10).build());

        assertThat(again).isSameAs(first).isSameAs(classifier.current());
        assertThat(again.trend()).isEqualTo(Regime.Trend.TRENDING);
    }

    @Test
    void regimesAreSharedInstancesWithStableLabels() {
        RegimeClassifier classifier = RegimeClassifier.withDefaults();
        Regime a = classifier.update(
                TestMarket.warm().openTime(nextOpenTime()).adxOnly(30).build());
        Regime b = classifier.update(
                TestMarket.warm().openTime(nextOpenTime()).adxOnly(31).build());

        assertThat(a).isSameAs(b);
        assertThat(a.label()).isEqualTo("TRENDING_UNKNOWN");
    }

    @Test
    void configRejectsAnInvertedBand() {
        assertThatThrownBy(() -> new RegimeConfig(20, 25, 200, 1.15, 0.87))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rangingAdx <= trendingAdx");
        assertThatThrownBy(() -> new RegimeConfig(25, 20, 200, 0.8, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegimeConfig(25, 20, 1, 1.15, 0.87)).isInstanceOf(IllegalArgumentException.class);
    }
}
