package dev.peregrine.signal.domain.analyst;

import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.IndicatorValues;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Keeps the {@link SeriesFeatures} of one (symbol, interval) series: ring buffers of the last
 * {@code lookback + 1} closes and OBV values and of the last {@code lookback} volumes, moved once per applied bar
 * in O(1). The OBV is the {@link dev.peregrine.signal.domain.indicator.IndicatorBank}'s, so there is one
 * definition of it. The volume sum is kept as a running sum and recomputed from the buffer each time the ring
 * wraps, so rounding never accumulates beyond one lookback of updates.
 *
 * <p>Features are known from the {@code lookback + 1}-th bar (a change over {@code lookback} bars needs both
 * ends). A bar whose open time is not after the last one's changes nothing and returns the current features,
 * so it is safe to call for a duplicate the bank ignored. Not thread-safe: one instance per series.
 */
public final class SeriesFeatureTracker {

    public static final int DEFAULT_LOOKBACK = 20;

    private final int lookback;
    private final double[] closes;
    private final double[] obvs;
    private final double[] volumes;
    private long count;
    private double volumeSum;
    private Instant lastOpenTime;
    private SeriesFeatures current;

    public SeriesFeatureTracker(int lookback) {
        if (lookback < 1) {
            throw new IllegalArgumentException("feature lookback must be at least 1 bar: " + lookback);
        }
        this.lookback = lookback;
        this.closes = new double[lookback + 1];
        this.obvs = new double[lookback + 1];
        this.volumes = new double[lookback];
        this.current = SeriesFeatures.unknown(lookback);
    }

    public static SeriesFeatureTracker withDefaults() {
        return new SeriesFeatureTracker(DEFAULT_LOOKBACK);
    }

    /**
     * Moves the features by the bar the indicators were just updated with ({@code values} must be the bank's
     * snapshot after {@code bar}).
     */
    public SeriesFeatures update(Bar bar, IndicatorValues values) {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(values, "values");
        if (!bar.openTime().equals(values.openTime())) {
            throw new IllegalArgumentException(
                    "indicator values of " + values.openTime() + " do not belong to the bar of " + bar.openTime());
        }
        if (values.obv().isEmpty()) {
            throw new IllegalArgumentException("the indicator values carry no OBV: they are not after an applied bar");
        }
        return update(
                bar.openTime(),
                values.close(),
                values.obv().getAsDouble(),
                bar.volume().doubleValue());
    }

    /** The same with the bar's figures given directly. */
    public SeriesFeatures update(Instant openTime, double close, double obv, double volume) {
        Objects.requireNonNull(openTime, "openTime");
        if (lastOpenTime != null && !openTime.isAfter(lastOpenTime)) {
            return current;
        }
        if (!(Double.isFinite(close) && Double.isFinite(obv) && Double.isFinite(volume) && volume >= 0)) {
            throw new IllegalArgumentException(
                    "close, OBV and volume must be finite and volume not negative at " + openTime);
        }
        lastOpenTime = openTime;
        int slot = (int) (count % closes.length);
        closes[slot] = close;
        obvs[slot] = obv;
        int volumeSlot = (int) (count % volumes.length);
        volumeSum += volume - volumes[volumeSlot];
        volumes[volumeSlot] = volume;
        if (volumeSlot == volumes.length - 1) {
            volumeSum = exactVolumeSum();
        }
        count++;
        if (count <= lookback) {
            return current;
        }
        // The oldest of the lookback + 1 values sits in the slot the next bar will overwrite.
        int oldest = (int) (count % closes.length);
        current = new SeriesFeatures(
                lookback,
                OptionalDouble.of(close - closes[oldest]),
                OptionalDouble.of(obv - obvs[oldest]),
                OptionalDouble.of(volumeSum));
        return current;
    }

    private double exactVolumeSum() {
        double sum = 0;
        for (double volume : volumes) {
            sum += volume;
        }
        return sum;
    }

    public SeriesFeatures current() {
        return current;
    }

    public int lookback() {
        return lookback;
    }
}
