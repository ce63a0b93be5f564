package dev.peregrine.signal.domain;

import dev.peregrine.common.value.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmaCrossoverStrategyTest {

    private static final Instant START = Instant.parse("2025-03-03T00:00:00Z");
    private static final Duration BAR = Duration.ofMinutes(15);

    private static Bar bar(int index, double close) {
        BigDecimal c = BigDecimal.valueOf(close).setScale(2, RoundingMode.HALF_EVEN);
        return bar(START.plus(BAR.multipliedBy(index)), c.add(new BigDecimal("0.50")), c.subtract(new BigDecimal("0.50")), c);
    }

    private static Bar bar(Instant openTime, BigDecimal high, BigDecimal low, BigDecimal close) {
        BigDecimal volume = new BigDecimal("10.5");
        return new Bar(openTime, openTime.plus(BAR).minusMillis(1), close, high, low, close, volume, volume.multiply(close),
                new BigDecimal("5.25"), List.of());
    }

    /** {@code falling} bars down by {@code step}, then {@code rising} bars up by {@code step}. */
    private static List<Bar> vShape(int falling, int rising, double start, double step) {
        List<Bar> bars = new ArrayList<>();
        double price = start;
        for (int i = 0; i < falling + rising; i++) {
            price += i < falling ? -step : step;
            bars.add(bar(i, price));
        }
        return bars;
    }

    private static List<StrategyOutcome> run(EmaCrossoverStrategy strategy, List<Bar> bars) {
        return bars.stream().map(strategy::onBar).toList();
    }

    @Test
    void fallingThenRisingGivesExactlyOneBuyAfterWarmUpAndNoneBefore() {
        List<StrategyOutcome> outcomes = run(EmaCrossoverStrategy.withDefaults(), vShape(40, 30, 1000, 5));

        List<Integer> signalIndexes = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof StrategyOutcome.Signal) {
                signalIndexes.add(i);
            }
        }
        assertThat(signalIndexes).hasSize(1);
        int at = signalIndexes.getFirst();
        assertThat(at).isGreaterThan(40).isGreaterThanOrEqualTo(EmaCrossoverStrategy.DEFAULT_SLOW_PERIOD);
        StrategyOutcome.Signal signal = (StrategyOutcome.Signal) outcomes.get(at);
        assertThat(signal.side()).isEqualTo(Side.BUY);
        assertThat(signal.indicators().fastEma()).isGreaterThan(signal.indicators().slowEma());
        assertThat(signal.indicators().atr()).isPositive();
        assertThat(outcomes.subList(0, EmaCrossoverStrategy.DEFAULT_SLOW_PERIOD - 1))
                .allMatch(outcome -> outcome instanceof StrategyOutcome.WarmingUp);
    }

    @Test
    void risingThenFallingGivesExactlyOneSell() {
        List<Bar> bars = new ArrayList<>();
        double price = 500;
        for (int i = 0; i < 70; i++) {
            price += i < 40 ? 3 : -3;
            bars.add(bar(i, price));
        }
        List<StrategyOutcome.Signal> signals = run(EmaCrossoverStrategy.withDefaults(), bars).stream()
                .filter(StrategyOutcome.Signal.class::isInstance).map(StrategyOutcome.Signal.class::cast).toList();
        assertThat(signals).singleElement().extracting(StrategyOutcome.Signal::side).isEqualTo(Side.SELL);
    }

    @Test
    void aTurnDuringWarmUpIsNotASignal() {
        // Down for 8 bars and up after that: the fast EMA is above the slow one by the time both are warm,
        // and that first warm bar only establishes the side.
        List<StrategyOutcome> outcomes = run(EmaCrossoverStrategy.withDefaults(), vShape(8, 40, 1000, 5));
        assertThat(outcomes).noneMatch(StrategyOutcome.Signal.class::isInstance);
    }

    @Test
    void duplicateAndOlderBarsAreIgnoredAndDoNotMoveTheIndicators() {
        List<Bar> bars = vShape(40, 30, 1000, 5);
        EmaCrossoverStrategy clean = EmaCrossoverStrategy.withDefaults();
        EmaCrossoverStrategy disturbed = EmaCrossoverStrategy.withDefaults();
        List<StrategyOutcome> expected = new ArrayList<>();
        List<StrategyOutcome> actual = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            expected.add(clean.onBar(bars.get(i)));
            actual.add(disturbed.onBar(bars.get(i)));
            if (i > 0) {
                Bar duplicateWithOtherPrice = bar(bars.get(i).openTime(), new BigDecimal("9000"), new BigDecimal("1"), new BigDecimal("5000"));
                assertThat(disturbed.onBar(duplicateWithOtherPrice))
                        .isEqualTo(new StrategyOutcome.Ignored(StrategyOutcome.IgnoreReason.DUPLICATE));
                assertThat(disturbed.onBar(bars.get(i - 1)))
                        .isEqualTo(new StrategyOutcome.Ignored(StrategyOutcome.IgnoreReason.OUT_OF_ORDER));
            }
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(disturbed.lastOpenTime()).isEqualTo(bars.getLast().openTime());
    }

    @Test
    void fastPeriodMustBeShorterThanSlow() {
        assertThatThrownBy(() -> new EmaCrossoverStrategy(21, 21, 14)).isInstanceOf(IllegalArgumentException.class);
    }
}
