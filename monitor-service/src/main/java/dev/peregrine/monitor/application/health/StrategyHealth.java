package dev.peregrine.monitor.application.health;

import dev.peregrine.monitor.domain.degradation.CusumState;
import java.time.Instant;
import java.util.Objects;

/**
 * One strategy's standing under the degradation rule, as stored.
 *
 * @param paused whether the monitor has paused it (and not resumed it since)
 */
public record StrategyHealth(String strategyId, CusumState state, boolean paused, Instant updatedAt) {

    public StrategyHealth {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
