package dev.peregrine.monitor.domain.alert;

/** What a delivery carries. */
public enum DeliveryKind {
    /** One alert. */
    ALERT,
    /** How many alerts of one key the rate limit suppressed, with the latest of them. */
    SUMMARY
}
