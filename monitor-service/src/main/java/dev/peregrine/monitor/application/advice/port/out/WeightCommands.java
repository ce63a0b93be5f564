package dev.peregrine.monitor.application.advice.port.out;

import dev.peregrine.monitor.domain.advice.WeightChange;

/**
 * Where a weight change goes: a {@code SetStrategyWeight} to signal-service. Its event id derives from the change, so
 * sending a change again sends the same command, which signal-service applies once.
 */
public interface WeightCommands {

    /** Returns once the broker has acknowledged it. */
    void send(WeightChange change);
}
