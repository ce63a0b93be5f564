package dev.peregrine.ingest.domain.stream;

import dev.peregrine.ingest.domain.RejectionReason;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a raw WebSocket capture: {@code <local_ns> <json>}, the recorder's clock in epoch nanoseconds when
 * the message arrived, a space, and the message as received.
 */
public sealed interface CaptureLine {

    /** Longest decimal that fits a long: 19 digits. */
    int MAX_NANOS_DIGITS = 19;

    record Entry(long localNanos, String message) implements CaptureLine {
        public Entry {
            Objects.requireNonNull(message, "message");
        }

        /** When the recorder received the message, by its own clock. */
        public Instant localTime() {
            return Instant.ofEpochSecond(
                    Math.floorDiv(localNanos, 1_000_000_000L), Math.floorMod(localNanos, 1_000_000_000L));
        }
    }

    record Rejected(RejectionReason reason, String detail) implements CaptureLine {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Never throws: a line that is not {@code <local_ns> <json>} is {@link Rejected} with the reason. */
    static CaptureLine parse(String line) {
        if (line == null || line.isBlank()) {
            return new Rejected(RejectionReason.EMPTY_LINE, "the line is empty");
        }
        int digits = 0;
        while (digits < line.length() && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == line.length()
                || digits > 0
                        && line.charAt(digits) == ' '
                        && line.substring(digits + 1).isBlank()) {
            return new Rejected(RejectionReason.TRUNCATED, "the line ends after its timestamp, before the message");
        }
        if (digits == 0 || line.charAt(digits) != ' ') {
            return new Rejected(
                    RejectionReason.BAD_CAPTURE_LINE,
                    "expected <local_ns> <json>: epoch nanoseconds, " + "a space and the message");
        }
        if (digits > MAX_NANOS_DIGITS) {
            return new Rejected(
                    RejectionReason.BAD_TIMESTAMP,
                    "local_ns has " + digits + " digits, more than epoch " + "nanoseconds can have");
        }
        long nanos;
        try {
            nanos = Long.parseLong(line, 0, digits, 10);
        } catch (NumberFormatException e) {
            return new Rejected(
                    RejectionReason.BAD_TIMESTAMP, "local_ns " + line.substring(0, digits) + " does not fit 64 bits");
        }
        return new Entry(nanos, line.substring(digits + 1));
    }
}
