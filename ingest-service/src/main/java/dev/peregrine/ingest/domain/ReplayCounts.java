package dev.peregrine.ingest.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a replay run has done so far.
 *
 * @param linesRead        data lines read (the header is not counted)
 * @param candlesPublished candles published by this run
 * @param candlesSkipped   candles an earlier run had already published
 * @param linesRejected    lines that did not become a candle or message (malformed, duplicate, out of order)
 * @param messages         messages read per kind (captures only; empty for kline files)
 */
public record ReplayCounts(
        long linesRead,
        long candlesPublished,
        long candlesSkipped,
        long linesRejected,
        Map<MessageKind, Long> messages) {

    public static final ReplayCounts NONE = new ReplayCounts(0, 0, 0, 0);

    public ReplayCounts {
        if (linesRead < 0 || candlesPublished < 0 || candlesSkipped < 0 || linesRejected < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        Objects.requireNonNull(messages, "messages");
        messages = messages.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(messages));
        if (messages.values().stream().anyMatch(count -> count == null || count < 0)) {
            throw new IllegalArgumentException("message counts must not be negative");
        }
    }

    /** Counts of a kline file, which has no messages. */
    public ReplayCounts(long linesRead, long candlesPublished, long candlesSkipped, long linesRejected) {
        this(linesRead, candlesPublished, candlesSkipped, linesRejected, Map.of());
    }
}
