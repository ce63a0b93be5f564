package dev.peregrine.common.event;

import java.util.Objects;

/** A strategy's state or weight changed; announced after the change is persisted and audited. */
public record StrategyStateChanged(
        Envelope envelope, String strategyId, StrategyState state, double weight, String reason, String changedBy)
        implements StrategyLifecycleEvent {

    public StrategyStateChanged {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changedBy, "changedBy");
        Ranges.requireUnit("weight", weight);
    }

    @Override
    public String key() {
        return strategyId;
    }
}
