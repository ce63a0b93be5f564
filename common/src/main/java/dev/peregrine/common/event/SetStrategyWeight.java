package dev.peregrine.common.event;

import java.util.Objects;

/** Ask signal-service to change a strategy's consensus weight (0-1). */
public record SetStrategyWeight(Envelope envelope, String strategyId, double weight, String reason, String requestedBy)
        implements StrategyCommandEvent {

    public SetStrategyWeight {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Ranges.requireUnit("weight", weight);
    }
}
