package dev.peregrine.common.event;

import java.util.Objects;

/** Ask signal-service to pause a strategy: its signals keep being evaluated and recorded, never traded. */
public record PauseStrategy(Envelope envelope, String strategyId, String reason, String requestedBy)
        implements StrategyCommandEvent {

    public PauseStrategy {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
