package dev.peregrine.monitor.application.quality;

import dev.peregrine.monitor.domain.quality.OutcomeFilter;
import java.time.Duration;
import java.util.Objects;

/**
 * Which measured outcomes a question is about: one horizon (outcomes of one signal at several horizons are not
 * independent) and a filter on strategy, symbol, grade, regime and signal time.
 */
public record OutcomeQuery(Duration horizon, OutcomeFilter filter) {

    public OutcomeQuery {
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(filter, "filter");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, e.g. 4h");
        }
    }
}
