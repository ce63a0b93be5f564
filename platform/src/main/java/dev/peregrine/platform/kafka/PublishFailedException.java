package dev.peregrine.platform.kafka;

/**
 * The broker did not acknowledge an event in time. The caller must not acknowledge its own input, so that
 * the input is redelivered and the event published again (consumers deduplicate by business id).
 */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
