package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmaTest {

    /** A trending, oscillating series with no two equal steps, like prices. */
    private static double[] series(int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) {
            values[i] = 100 + 0.3 * i + 7 * Math.sin(i / 3.0) + 2 * Math.cos(i * 1.7);
        }
        return values;
    }

    /**
     * The EMA at index {@code i} written out as a weighted sum instead of a recursion: the SMA seed decays
     * by {@code (1 - alpha)} per later value and every later value enters with weight
     * {@code alpha * (1 - alpha)^(age)}.
     */
    private static double reference(double[] values, int period, int index) {
        double alpha = 2.0 / (period + 1);
        double seed = 0;
        for (int j = 0; j < period; j++) {
            seed += values[j];
        }
        seed /= period;
        double result = Math.pow(1 - alpha, index - period + 1) * seed;
        for (int j = period; j <= index; j++) {
            result += alpha * Math.pow(1 - alpha, index - j) * values[j];
        }
        return result;
    }

    @Test
    void matchesTheWeightedSumDefinitionOnEveryBarAfterWarmUp() {
        double[] values = series(300);
        for (int period : new int[] {2, 9, 21, 50}) {
            Ema ema = new Ema(period);
            for (int i = 0; i < values.length; i++) {
                ema.update(values[i]);
                if (i >= period - 1) {
                    assertThat(ema.value())
                            .as("EMA(%d) at %d", period, i)
                            .isCloseTo(reference(values, period, i), within(1e-9));
                }
            }
        }
    }

    @Test
    void isWarmExactlyFromThePeriodthValueAndThenEqualsTheSimpleAverage() {
        Ema ema = new Ema(3);
        ema.update(10);
        ema.update(11);
        assertThat(ema.isWarm()).isFalse();
        assertThatThrownBy(ema::value).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 of 3");
        ema.update(15);
        assertThat(ema.isWarm()).isTrue();
        assertThat(ema.value()).isEqualTo(12.0);
        ema.update(16);
        assertThat(ema.value()).isEqualTo(12.0 + 0.5 * (16 - 12.0));
    }

    @Test
    void rejectsNonFiniteInputAndNonPositivePeriods() {
        assertThatThrownBy(() -> new Ema(0)).isInstanceOf(IllegalArgumentException.class);
        Ema ema = new Ema(5);
        assertThatThrownBy(() -> ema.update(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ema.update(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
