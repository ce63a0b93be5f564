package dev.peregrine.signal.domain.analyst;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Per-series history some analysts need beyond the indicator snapshot, kept incrementally per series by a
 * {@link SeriesFeatureTracker}.
 *
 * @param lookback              bars the changes are measured over
 * @param closeChange           close now minus close {@code lookback} bars ago; empty until known
 * @param obvChange             OBV now minus OBV {@code lookback} bars ago; empty until known
 * @param volumeSum             volume of the last {@code lookback} bars, the bars whose signed volumes make up
 *                              {@code obvChange} (so {@code |obvChange| <= volumeSum}); empty until known
 */
public record SeriesFeatures(
        int lookback, OptionalDouble closeChange, OptionalDouble obvChange, OptionalDouble volumeSum) {

    public SeriesFeatures {
        Objects.requireNonNull(closeChange, "closeChange");
        Objects.requireNonNull(obvChange, "obvChange");
        Objects.requireNonNull(volumeSum, "volumeSum");
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be >= 1: " + lookback);
        }
    }

    /** Without the volume sum, as before it existed: the OBV flow is then unknown. */
    public SeriesFeatures(int lookback, OptionalDouble closeChange, OptionalDouble obvChange) {
        this(lookback, closeChange, obvChange, OptionalDouble.empty());
    }

    /** Nothing known yet, as on a series' first bars. */
    public static SeriesFeatures unknown(int lookback) {
        return new SeriesFeatures(lookback, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    /**
     * The OBV change as a share of the volume traded over the lookback, -1..1: +1 when every bar of the lookback
     * closed up, 0 when up- and down-bar volumes balance. 0 when nothing traded; empty until both are known.
     */
    public OptionalDouble obvFlow() {
        if (obvChange.isEmpty() || volumeSum.isEmpty()) {
            return OptionalDouble.empty();
        }
        double volume = volumeSum.getAsDouble();
        return OptionalDouble.of(volume > 0 ? Math.max(-1, Math.min(1, obvChange.getAsDouble() / volume)) : 0);
    }

    /**
     * The relative price change over the lookback, {@code closeChange / (close - closeChange)}, given the current
     * close; empty until the close change is known.
     */
    public OptionalDouble priceReturn(double close) {
        if (closeChange.isEmpty()) {
            return OptionalDouble.empty();
        }
        double before = close - closeChange.getAsDouble();
        return before > 0 ? OptionalDouble.of(closeChange.getAsDouble() / before) : OptionalDouble.empty();
    }
}
