package dev.peregrine.signal.domain.analyst;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Per-series history some analysts need beyond the indicator snapshot, kept incrementally per series.
 *
 * @param lookback              bars the changes are measured over
 * @param closeChange           close now minus close {@code lookback} bars ago; empty until known
 * @param obvChange             OBV now minus OBV {@code lookback} bars ago; empty until known
 */
public record SeriesFeatures(int lookback, OptionalDouble closeChange, OptionalDouble obvChange) {

    public SeriesFeatures {
        Objects.requireNonNull(closeChange, "closeChange");
        Objects.requireNonNull(obvChange, "obvChange");
        if (lookback < 1) {
            throw new IllegalArgumentException("lookback must be >= 1: " + lookback);
        }
    }
}
