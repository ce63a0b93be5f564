package dev.peregrine.monitor.domain;

/** The kinds of execution report: one of each at most per client order id. */
public enum ReportType {
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELED,
    REJECTED
}
