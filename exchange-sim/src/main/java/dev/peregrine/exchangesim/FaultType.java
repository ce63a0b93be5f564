package dev.peregrine.exchangesim;

/** The faults {@link SimulatorFaults} can inject; each injection is counted per type. */
public enum FaultType {
    /** All WebSocket connections closed abruptly (TCP close without a close frame). */
    DROP_CONNECTIONS,
    /** Streams stalled: connections stay open but carry no data for a while. */
    STALL_STREAMS,
    /** A text frame that is not JSON. */
    MALFORMED_MESSAGE,
    /** A stream message cut off in the middle. */
    TRUNCATED_MESSAGE,
    /** Any text chosen by the test, sent as-is. */
    RAW_MESSAGE,
    /** The last kline message sent again, unchanged. */
    DUPLICATE_KLINE,
    /** An older (already sent) closed kline sent after a newer one. */
    OUT_OF_ORDER_KLINE,
    /** A REST request answered with 429 and Retry-After. */
    REST_429,
    /** A REST request answered with 418 (IP ban) and Retry-After. */
    REST_418,
    /** A REST request answered with a 5xx status. */
    REST_5XX,
    /** An order accepted, then its connection closed without an answer (after an optional hold). */
    ORDER_TIMEOUT,
    /** An order accepted, then answered with a 5xx status. */
    ORDER_5XX,
    /** An order accepted, then answered with -1007 (backend timeout, execution status unknown). */
    ORDER_1007,
    /** The server clock moved against the clients' clocks (signed requests then fail with -1021). */
    CLOCK_SKEW,
    /** WebSocket API (user data) connections closed abruptly. */
    USER_DATA_DROP,
    /** The WebSocket API went silent: connections open, no events (and maybe no pongs or answers). */
    USER_DATA_SILENT,
    /** executionReports delayed. */
    USER_DATA_DELAY,
    /** An executionReport sent twice (counted per duplicate sent). */
    USER_DATA_DUPLICATE,
    /** A serverShutdown event sent, then the WebSocket API connections closed. */
    USER_DATA_SHUTDOWN
}
