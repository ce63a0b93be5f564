package dev.peregrine.risk.domain;

/** The two ways a risk decision can go. */
public enum Outcome {
    APPROVED,
    DENIED
}
