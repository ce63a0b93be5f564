package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.TestMarket.HOUR;
import static dev.peregrine.signal.domain.analyst.TestMarket.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.IndicatorBank;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesFeatureTrackerTest {

    private static Instant hour(int i) {
        return T0.plus(HOUR.multipliedBy(i));
    }

    @Test
    void changesAreKnownFromTheBarAfterAFullLookback() {
        SeriesFeatureTracker tracker = new SeriesFeatureTracker(3);

        assertThat(tracker.update(hour(0), 10, 0, 5).closeChange()).isEmpty();
        assertThat(tracker.update(hour(1), 11, 6, 6).closeChange()).isEmpty();
        assertThat(tracker.update(hour(2), 12, 13, 7).obvChange()).isEmpty();
        SeriesFeatures fourth = tracker.update(hour(3), 13, 21, 8);
        SeriesFeatures fifth = tracker.update(hour(4), 12, 12, 9);

        assertThat(fourth.closeChange().getAsDouble()).isEqualTo(3);
        assertThat(fourth.obvChange().getAsDouble()).isEqualTo(21);
        assertThat(fourth.volumeSum().getAsDouble()).isEqualTo(6 + 7 + 8);
        assertThat(fourth.obvFlow().getAsDouble()).isEqualTo(1.0);
        assertThat(fifth.closeChange().getAsDouble()).isEqualTo(1);
        assertThat(fifth.obvChange().getAsDouble()).isEqualTo(6);
        assertThat(fifth.volumeSum().getAsDouble()).isEqualTo(7 + 8 + 9);
        assertThat(fifth.priceReturn(12).getAsDouble()).isCloseTo(1.0 / 11, within(1e-15));
    }

    @Test
    void aBarThatIsNotNewerChangesNothing() {
        SeriesFeatureTracker tracker = new SeriesFeatureTracker(1);
        tracker.update(hour(0), 10, 0, 5);
        SeriesFeatures second = tracker.update(hour(1), 11, 5, 5);

        assertThat(tracker.update(hour(1), 50, 99, 99)).isSameAs(second);
        assertThat(tracker.update(hour(0), 50, 99, 99)).isSameAs(second);
        assertThat(tracker.update(hour(2), 12, 10, 5).closeChange().getAsDouble())
                .isEqualTo(1);
    }

    @Test
    void agreesWithABruteForceWindowOverManyWrapsOfTheRing() {
        int lookback = 20;
        SeriesFeatureTracker tracker = new SeriesFeatureTracker(lookback);
        IndicatorBank bank = IndicatorBank.withDefaults();
        List<double[]> history = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            double close = 100 + 10 * Math.sin(i / 7.0) + 0.3 * i % 5;
            double volume = 1_000 + 700 * Math.abs(Math.cos(i / 3.0)) + (i % 13 == 0 ? 50_000 : 0);
            Bar bar = TestMarket.barAt(hour(i), close, close + 1, close - 1, close, volume, volume / 2);
            bank.update(bar);
            IndicatorValues values = bank.snapshot();
            SeriesFeatures features = tracker.update(bar, values);
            history.add(new double[] {close, values.obv().getAsDouble(), volume});
            if (i < lookback) {
                assertThat(features.closeChange()).isEmpty();
                continue;
            }
            double[] before = history.get(i - lookback);
            double volumeSum = 0;
            for (int j = i - lookback + 1; j <= i; j++) {
                volumeSum += history.get(j)[2];
            }
            assertThat(features.closeChange().getAsDouble()).isCloseTo(close - before[0], within(1e-9));
            assertThat(features.obvChange().getAsDouble())
                    .isCloseTo(values.obv().getAsDouble() - before[1], within(1e-6));
            assertThat(features.volumeSum().getAsDouble()).isCloseTo(volumeSum, within(1e-6));
            assertThat(Math.abs(features.obvChange().getAsDouble())).isLessThanOrEqualTo(volumeSum + 1e-6);
        }
    }

    @Test
    void refusesValuesOfAnotherBar() {
        SeriesFeatureTracker tracker = SeriesFeatureTracker.withDefaults();
        IndicatorValues values = TestMarket.warm().openTime(hour(1)).build();

        assertThatThrownBy(() -> tracker.update(TestMarket.calmBar(100), values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not belong");
        assertThatThrownBy(() -> new SeriesFeatureTracker(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tracker.lookback()).isEqualTo(20);
    }
}
