package dev.peregrine.common.json;

/** A record could not be turned into an event: malformed JSON, unknown type or an invalid value. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
