package dev.peregrine.signal.domain.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RollingWindowsTest {

    @Test
    void extremumMatchesABruteForceScanIncludingTiesAndEveryWindowSize() {
        SplittableRandom random = new SplittableRandom(7);
        for (int window : new int[] {1, 2, 3, 14, 20, 64}) {
            RollingExtremum highest = RollingExtremum.highest(window);
            RollingExtremum lowest = RollingExtremum.lowest(window);
            double[] values = new double[5_000];
            for (int i = 0; i < values.length; i++) {
                // Few distinct values, so ties are common.
                values[i] = random.nextInt(12) + (i % 500 < 250 ? 0 : 6);
                highest.add(values[i]);
                lowest.add(values[i]);
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (int j = Math.max(0, i - window + 1); j <= i; j++) {
                    max = Math.max(max, values[j]);
                    min = Math.min(min, values[j]);
                }
                assertThat(highest.value())
                        .as("max of window %d at %d", window, i)
                        .isEqualTo(max);
                assertThat(lowest.value())
                        .as("min of window %d at %d", window, i)
                        .isEqualTo(min);
                assertThat(highest.isFull()).isEqualTo(i >= window - 1);
            }
        }
    }

    @Test
    void statsMatchATwoPassComputationWhileFillingAndSliding() {
        RollingStats stats = new RollingStats(5);
        double[] values = {10, 12, 11, 15, 9, 8, 20, 20, 21, 7};
        for (int i = 0; i < values.length; i++) {
            stats.add(values[i]);
            int from = Math.max(0, i - 4);
            int n = i - from + 1;
            double mean = 0;
            for (int j = from; j <= i; j++) {
                mean += values[j];
            }
            mean /= n;
            double squares = 0;
            for (int j = from; j <= i; j++) {
                squares += (values[j] - mean) * (values[j] - mean);
            }
            assertThat(stats.size()).isEqualTo(n);
            assertThat(stats.mean()).isCloseTo(mean, within(1e-12));
            assertThat(stats.variance()).isCloseTo(squares / n, within(1e-12));
        }
    }

    @Test
    void aWindowOfEqualValuesHasNoDispersionDespiteRounding() {
        RollingStats stats = new RollingStats(3);
        for (int i = 0; i < 10; i++) {
            stats.add(0.1);
        }
        assertThat(stats.hasNoDispersion()).isTrue();
        stats.add(0.2);
        assertThat(stats.hasNoDispersion()).isFalse();
    }

    @Test
    void emptyWindowsHaveNoValueAndBadInputIsRefused() {
        assertThatThrownBy(() -> new RollingStats(4).mean()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RollingExtremum.highest(4).value()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RollingStats(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollingExtremum.lowest(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollingStats(4).add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollingExtremum.highest(4).add(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
