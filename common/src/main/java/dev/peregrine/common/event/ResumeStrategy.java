package dev.peregrine.common.event;

import java.util.Objects;

/** Ask signal-service to make a paused strategy tradeable again. */
public record ResumeStrategy(Envelope envelope, String strategyId, String reason, String requestedBy)
        implements StrategyCommandEvent {

    public ResumeStrategy {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedBy, "requestedBy");
    }
}
