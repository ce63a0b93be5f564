package dev.peregrine.signal.application.port.out;

import dev.peregrine.common.event.StrategyStateChanged;

/** Announces strategy changes; returns only once the broker has acknowledged. */
public interface StrategyEventPublisher {

    void publish(StrategyStateChanged event);
}
