package dev.peregrine.ingest.domain;

/** Where a replay run stands. Only {@link #RUNNING} changes; the others are final. */
public enum ReplayStatus {
    RUNNING,
    COMPLETED,
    /** Could not start or stopped on an error (file missing or unreadable, broker or database away, shutdown). */
    FAILED,
    /** Stopped on an operator's request. */
    CANCELLED
}
