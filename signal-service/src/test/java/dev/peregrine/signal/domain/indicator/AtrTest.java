package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AtrTest {

    @Test
    void seedsWithTheAverageTrueRangeAndThenSmoothsTheWilderWay() {
        Atr atr = new Atr(3);
        atr.update(11, 9, 10); // no previous close: TR = high - low = 2
        atr.update(12, 10, 11); // TR = max(2, |12-10|, |10-10|) = 2
        assertThat(atr.isWarm()).isFalse();
        atr.update(15, 13, 14); // gap up: TR = max(2, |15-11|, |13-11|) = 4
        assertThat(atr.isWarm()).isTrue();
        assertThat(atr.value()).isCloseTo((2 + 2 + 4) / 3.0, within(1e-12));
        atr.update(14.5, 8, 9); // TR = max(6.5, |14.5-14|, |8-14|) = 6.5
        assertThat(atr.value()).isCloseTo(((8 / 3.0) * 2 + 6.5) / 3, within(1e-12));
        atr.update(9.5, 9, 9.2); // TR = max(0.5, |9.5-9|, |9-9|) = 0.5
        assertThat(atr.value()).isCloseTo(((((8 / 3.0) * 2 + 6.5) / 3) * 2 + 0.5) / 3, within(1e-12));
    }

    @Test
    void gapDownUsesThePreviousClose() {
        Atr atr = new Atr(2);
        atr.update(101, 99, 100);
        atr.update(91, 90, 90.5); // TR = max(1, |91-100|, |90-100|) = 10
        assertThat(atr.value()).isCloseTo((2 + 10) / 2.0, within(1e-12));
    }

    @Test
    void matchesAnIndependentComputationOverALongSeries() {
        int period = Atr.DEFAULT_PERIOD;
        int length = 200;
        double[] high = new double[length];
        double[] low = new double[length];
        double[] close = new double[length];
        for (int i = 0; i < length; i++) {
            double mid = 50 + 5 * Math.sin(i / 4.0) + 0.1 * i;
            high[i] = mid + 0.5 + 0.3 * Math.abs(Math.cos(i));
            low[i] = mid - 0.5 - 0.2 * Math.abs(Math.sin(i * 1.3));
            close[i] = mid + 0.2 * Math.sin(i * 2.1);
        }
        double[] trueRange = new double[length];
        for (int i = 0; i < length; i++) {
            trueRange[i] = i == 0
                    ? high[i] - low[i]
                    : Math.max(
                            high[i] - low[i],
                            Math.max(Math.abs(high[i] - close[i - 1]), Math.abs(low[i] - close[i - 1])));
        }
        Atr atr = new Atr(period);
        double expected = 0;
        for (int i = 0; i < length; i++) {
            atr.update(high[i], low[i], close[i]);
            if (i == period - 1) {
                double sum = 0;
                for (int j = 0; j < period; j++) {
                    sum += trueRange[j];
                }
                expected = sum / period;
            } else if (i >= period) {
                expected = expected - (expected - trueRange[i]) / period;
            }
            if (i >= period - 1) {
                assertThat(atr.value()).as("ATR at %d", i).isCloseTo(expected, within(1e-9));
            }
        }
    }

    @Test
    void rejectsABarWhoseHighIsBelowItsLow() {
        assertThatThrownBy(() -> new Atr(14).update(9, 10, 9.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
