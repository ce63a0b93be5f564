package dev.peregrine.common.event;

/** Quality grade of a validated signal; cut-offs on the strength score are documented in docs/signal-validation.md. */
public enum Grade {
    A,
    B,
    C,
    D,
    F
}
