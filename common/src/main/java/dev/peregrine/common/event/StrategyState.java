package dev.peregrine.common.event;

/** Whether a strategy's signals may be traded. */
public enum StrategyState {
    ACTIVE,
    PAUSED
}
