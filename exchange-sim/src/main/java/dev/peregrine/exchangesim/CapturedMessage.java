package dev.peregrine.exchangesim;

import java.util.Objects;

/**
 * One recorded stream message: when it was received (the capture's local nanosecond clock), the stream it
 * came on, the combined-stream text ({@code {"stream":...,"data":...}}) and the raw payload alone (what a
 * {@code /ws/<stream>} connection receives).
 */
public record CapturedMessage(long localNanos, String stream, String combinedJson, String dataJson) {

    public CapturedMessage {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(combinedJson, "combinedJson");
        Objects.requireNonNull(dataJson, "dataJson");
    }
}
