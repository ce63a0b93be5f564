package dev.peregrine.ingest.domain;

/** Who asked for a replay: the configuration at start-up, or an operator through the API. */
public enum ReplayTrigger {
    STARTUP,
    OPERATOR
}
