package dev.peregrine.signal.domain;

import dev.peregrine.common.event.StrategyState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A strategy's lifecycle state: whether its signals may be traded and its weight (0-1) in the later
 * consensus. Immutable; every transition returns the new state, or empty when it would change nothing
 * (pausing a paused strategy is not a change and is neither audited nor announced).
 *
 * @param reason    why the last change was made
 * @param changedBy who made it: an operator or a service
 */
public record Strategy(
        String id, StrategyState state, BigDecimal weight, String reason, String changedBy, Instant changedAt) {

    public Strategy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        if (weight.signum() < 0 || weight.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("strategy weight must be within 0..1: " + weight.toPlainString());
        }
    }

    public boolean paused() {
        return state == StrategyState.PAUSED;
    }

    public Optional<Strategy> pause(String why, String by, Instant at) {
        return state == StrategyState.PAUSED
                ? Optional.empty()
                : Optional.of(new Strategy(id, StrategyState.PAUSED, weight, why, by, at));
    }

    public Optional<Strategy> resume(String why, String by, Instant at) {
        return state == StrategyState.ACTIVE
                ? Optional.empty()
                : Optional.of(new Strategy(id, StrategyState.ACTIVE, weight, why, by, at));
    }

    public Optional<Strategy> withWeight(BigDecimal newWeight, String why, String by, Instant at) {
        return weight.compareTo(newWeight) == 0
                ? Optional.empty()
                : Optional.of(new Strategy(id, state, newWeight, why, by, at));
    }
}
