package dev.peregrine.ingest.application.port.out;

/**
 * The exchange's REST API did not give an answer: unreachable, failing, refusing the request, or banning this
 * address for longer than the client is willing to wait; or, for an {@link InstrumentSnapshot}, the snapshot file
 * cannot be read (missing, not JSON, not an exchangeInfo answer). The message says which.
 */
public class ExchangeUnavailableException extends RuntimeException {

    public ExchangeUnavailableException(String message) {
        super(message);
    }

    public ExchangeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
