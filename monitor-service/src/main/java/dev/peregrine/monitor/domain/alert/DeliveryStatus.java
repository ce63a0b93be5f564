package dev.peregrine.monitor.domain.alert;

/** Where one (alert, channel) delivery stands. Only {@link #PENDING} ever changes. */
public enum DeliveryStatus {
    /** Waiting to be sent, or to be retried at its next attempt time. */
    PENDING,
    /** The endpoint answered 2xx. */
    SENT,
    /** Gave up: the attempts are exhausted or the endpoint refused it for good (4xx). */
    FAILED,
    /** Not sent: the rate limit of its de-duplication key; counted in the key's next message or summary. */
    SUPPRESSED
}
