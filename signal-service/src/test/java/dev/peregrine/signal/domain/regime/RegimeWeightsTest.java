package dev.peregrine.signal.domain.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.signal.domain.analyst.AnalystPanel;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegimeWeightsTest {

    private final RegimeWeights weights = RegimeWeights.defaults();

    @ParameterizedTest(name = "{0} in {1}_{2} weighs {3}")
    @CsvSource({
        "momentum,       TRENDING, HIGH,    1.3",
        "momentum,       TRENDING, LOW,     1.2",
        "momentum,       RANGING,  HIGH,    0.6",
        "momentum,       RANGING,  LOW,     0.5",
        "momentum,       UNKNOWN,  UNKNOWN, 1.0",
        "mean-reversion, TRENDING, HIGH,    0.3",
        "mean-reversion, RANGING,  HIGH,    1.0",
        "mean-reversion, RANGING,  LOW,     1.3",
        "mean-reversion, UNKNOWN,  UNKNOWN, 1.0",
        "breakout,       TRENDING, HIGH,    1.3",
        "breakout,       TRENDING, LOW,     1.1",
        "breakout,       RANGING,  HIGH,    0.7",
        "breakout,       RANGING,  LOW,     0.8",
        "order-flow,     TRENDING, HIGH,    1.0",
        "order-flow,     RANGING,  LOW,     1.0",
        "chart-patterns, TRENDING, HIGH,    0.5",
        "chart-patterns, RANGING,  LOW,     0.5",
        "chart-patterns, UNKNOWN,  UNKNOWN, 0.5",
    })
    void defaultTable(String analyst, Regime.Trend trend, Regime.Volatility volatility, double expected) {
        assertThat(weights.weight(analyst, new Regime(trend, volatility))).isEqualTo(expected);
    }

    @Test
    void aRegimeWithOneUnknownPartAveragesTheTwoCellsItCouldBe() {
        assertThat(weights.weight("momentum", new Regime(Regime.Trend.TRENDING, Regime.Volatility.UNKNOWN)))
                .isCloseTo(1.25, within(1e-12));
        assertThat(weights.weight("mean-reversion", new Regime(Regime.Trend.RANGING, Regime.Volatility.UNKNOWN)))
                .isCloseTo(1.15, within(1e-12));
        assertThat(weights.weight("momentum", new Regime(Regime.Trend.UNKNOWN, Regime.Volatility.HIGH)))
                .isCloseTo(0.95, within(1e-12));
        assertThat(weights.weight("breakout", new Regime(Regime.Trend.UNKNOWN, Regime.Volatility.LOW)))
                .isCloseTo(0.95, within(1e-12));
    }

    @Test
    void coversEveryAnalystOfThePanelAndGivesOthersNeutralWeight() {
        assertThat(AnalystPanel.withDefaults().ids()).allMatch(weights::knows);
        assertThat(weights.knows("ema-crossover")).isFalse();
        assertThat(weights.weight("ema-crossover", new Regime(Regime.Trend.RANGING, Regime.Volatility.LOW)))
                .isEqualTo(RegimeWeights.NEUTRAL);
    }

    @Test
    void aCustomTableIsUsedAsGiven() {
        RegimeWeights custom =
                new RegimeWeights(Map.of("momentum", new RegimeWeights.AnalystWeights(2, 1.5, 0, 0.25, 0.75)));

        assertThat(custom.weight("momentum", new Regime(Regime.Trend.RANGING, Regime.Volatility.HIGH)))
                .isZero();
        assertThat(custom.weight("momentum", Regime.UNKNOWN)).isEqualTo(0.75);
        assertThat(custom.weight("breakout", Regime.UNKNOWN)).isEqualTo(1.0);
    }

    @Test
    void rejectsWeightsOutsideTheRange() {
        assertThatThrownBy(() -> new RegimeWeights.AnalystWeights(-0.1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trendingHigh");
        assertThatThrownBy(() -> new RegimeWeights.AnalystWeights(1, 1, 13, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rangingHigh");
        assertThatThrownBy(() -> new RegimeWeights.AnalystWeights(1, 1, 1, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegimeWeights(Map.of(" ", new RegimeWeights.AnalystWeights(1, 1, 1, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
