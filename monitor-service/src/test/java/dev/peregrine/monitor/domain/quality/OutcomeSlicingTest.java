package dev.peregrine.monitor.domain.quality;

import static dev.peregrine.monitor.domain.quality.OutcomeFixtures.T0;
import static dev.peregrine.monitor.domain.quality.OutcomeFixtures.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.Grade;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutcomeSlicingTest {

    private static final MeasuredOutcome MOMENTUM_BTC_A =
            of("momentum", "BTCUSDT", Grade.A, "TRENDING_HIGH", 10, 80, 0.01);
    private static final MeasuredOutcome MOMENTUM_ETH_C = of("momentum", "ETHUSDT", Grade.C, null, 5, 55, -0.01);
    private static final MeasuredOutcome BREAKOUT_BTC_A =
            of("breakout", "BTCUSDT", Grade.A, "RANGING_LOW", 0, 70, 0.02);
    private static final List<MeasuredOutcome> ALL = List.of(MOMENTUM_BTC_A, MOMENTUM_ETH_C, BREAKOUT_BTC_A);

    @Test
    void groupsByEachDimensionInKeyAndTimeOrder() {
        Map<String, List<MeasuredOutcome>> byStrategy = OutcomeSlices.byStrategy(ALL);
        assertThat(byStrategy.keySet()).containsExactly("breakout", "momentum");
        assertThat(byStrategy.get("momentum")).containsExactly(MOMENTUM_ETH_C, MOMENTUM_BTC_A);
        assertThat(OutcomeSlices.byGrade(ALL).keySet()).containsExactly(Grade.A, Grade.C);
        assertThat(OutcomeSlices.bySymbol(ALL).get("BTCUSDT")).containsExactly(BREAKOUT_BTC_A, MOMENTUM_BTC_A);
        assertThat(OutcomeSlices.byRegime(ALL).keySet())
                .containsExactly("RANGING_LOW", "TRENDING_HIGH", MeasuredOutcome.UNCLASSIFIED);
    }

    @Test
    void filtersCombineAndTheWindowIsHalfOpen() {
        assertThat(OutcomeFilter.all().apply(ALL)).containsExactly(BREAKOUT_BTC_A, MOMENTUM_ETH_C, MOMENTUM_BTC_A);
        assertThat(OutcomeFilter.all()
                        .withStrategy("momentum")
                        .withGrade(Grade.A)
                        .apply(ALL))
                .containsExactly(MOMENTUM_BTC_A);
        assertThat(OutcomeFilter.all()
                        .withSymbol("BTCUSDT")
                        .withRegime("RANGING_LOW")
                        .apply(ALL))
                .containsExactly(BREAKOUT_BTC_A);
        // [T0 + 5 min, T0 + 10 min): includes the outcome at 5, excludes the one at 10
        assertThat(OutcomeFilter.all()
                        .within(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(10)))
                        .apply(ALL))
                .containsExactly(MOMENTUM_ETH_C);
    }

    @Test
    void rejectsOutOfRangeInputs() {
        assertThatThrownBy(() -> new MeasuredOutcome("s", "X", Grade.A, null, 1.5, 50, 0, false, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeasuredOutcome("s", "X", Grade.A, null, 0.5, 101, 0, false, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeasuredOutcome("s", "X", Grade.A, null, 0.5, 50, Double.NaN, false, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
