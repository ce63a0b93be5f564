package dev.peregrine.common.event;

/** How bad an incident or alert is. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
