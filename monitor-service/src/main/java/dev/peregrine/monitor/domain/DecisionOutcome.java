package dev.peregrine.monitor.domain;

/** What risk decided about a signal. */
public enum DecisionOutcome {
    APPROVED,
    DENIED
}
