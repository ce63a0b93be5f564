package dev.peregrine.execution.adapter.out.binance;

/** The Binance error codes this adapter reads (errors.md). */
final class BinanceCodes {

    /** UNKNOWN: "An unknown error occurred while processing the request." */
    static final int UNKNOWN = -1000;
    /** UNEXPECTED_RESP: "... Execution status unknown." */
    static final int UNEXPECTED_RESPONSE = -1006;
    /** TIMEOUT: "Timeout waiting for response from backend server. Send status unknown; execution status unknown." */
    static final int TIMEOUT = -1007;
    /** INVALID_TIMESTAMP: outside the recvWindow, or 1000 ms ahead of the server's time. */
    static final int INVALID_TIMESTAMP = -1021;
    /** CANCEL_REJECTED, e.g. "Unknown order sent." */
    static final int CANCEL_REJECTED = -2011;
    /** NO_SUCH_ORDER: "Order does not exist." */
    static final int NO_SUCH_ORDER = -2013;

    private BinanceCodes() {}
}
