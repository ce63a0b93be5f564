package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.Series;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A line that did not become a candle.
 *
 * @param id      derived from source, line number and line, so a re-read of the same file finds it again
 * @param series  the series of the line; empty for a capture line whose message names none (or was unreadable)
 * @param detail  why, cut to at most {@link #MAX_DETAIL} characters (it may quote the line)
 * @param rawLine the line, cut to at most {@link #MAX_RAW_LINE} characters: never more of a file than this
 * @param eventId the id of the quality incident that reports it
 */
public record NewRejection(
        UUID id,
        UUID runId,
        String source,
        Optional<Series> series,
        long lineNumber,
        String reason,
        String detail,
        String rawLine,
        UUID eventId,
        Instant rejectedAt) {

    public static final int MAX_RAW_LINE = 500;
    public static final int MAX_DETAIL = 500;

    /** The first {@code max} characters of {@code text}, or all of it. */
    public static String prefix(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public NewRejection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(rawLine, "rawLine");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        if (rawLine.length() > MAX_RAW_LINE) {
            throw new IllegalArgumentException("rawLine must be cut to " + MAX_RAW_LINE + " characters");
        }
        if (detail.length() > MAX_DETAIL) {
            throw new IllegalArgumentException("detail must be cut to " + MAX_DETAIL + " characters");
        }
    }
}
