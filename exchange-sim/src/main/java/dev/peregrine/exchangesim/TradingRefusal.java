package dev.peregrine.exchangesim;

/** A trading request Binance refuses: the HTTP status, Binance's error code and its exact message. */
final class TradingRefusal extends RuntimeException {

    private final int httpStatus;
    private final int code;

    TradingRefusal(int httpStatus, int code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** The usual case: HTTP 400 with a Binance error code. */
    static TradingRefusal badRequest(int code, String message) {
        return new TradingRefusal(400, code, message);
    }

    static TradingRefusal filterFailure(String filter) {
        return badRequest(-1013, "Filter failure: " + filter);
    }

    static TradingRefusal insufficientBalance() {
        return badRequest(-2010, "Account has insufficient balance for requested action.");
    }

    static TradingRefusal mandatory(String name) {
        return badRequest(-1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    int httpStatus() {
        return httpStatus;
    }

    int code() {
        return code;
    }
}
