package dev.peregrine.ingest.domain;

/**
 * What a replay run has done so far.
 *
 * @param linesRead        data lines read (the header is not counted)
 * @param candlesPublished candles published by this run
 * @param candlesSkipped   candles an earlier run had already published
 * @param linesRejected    lines that did not become a candle (malformed, duplicate, out of order)
 */
public record ReplayCounts(long linesRead, long candlesPublished, long candlesSkipped, long linesRejected) {

    public static final ReplayCounts NONE = new ReplayCounts(0, 0, 0, 0);

    public ReplayCounts {
        if (linesRead < 0 || candlesPublished < 0 || candlesSkipped < 0 || linesRejected < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}
