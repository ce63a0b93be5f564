package dev.peregrine.common.json;

/**
 * A record whose envelope {@code schemaVersion} is newer than the consumer reads: refused rather than misread. Not a
 * broken record: once the consumer is upgraded it can be re-driven from its dead-letter topic.
 */
public class NewerSchemaVersionException extends EventDecodingException {

    private final int schemaVersion;
    private final int highestReadable;

    public NewerSchemaVersionException(String message, int schemaVersion, int highestReadable, Throwable cause) {
        super(message, cause);
        this.schemaVersion = schemaVersion;
        this.highestReadable = highestReadable;
    }

    /** The version the record carries. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The newest version the consumer reads. */
    public int highestReadable() {
        return highestReadable;
    }
}
