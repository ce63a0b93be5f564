package dev.peregrine.risk.domain.control;

/** The daily-loss breaker: ACTIVE trades normally, REDUCING trades smaller, HALTED takes no new entries. */
public enum BreakerState {
    ACTIVE,
    REDUCING,
    HALTED
}
