package dev.peregrine.ingest.application.port.out;

import java.time.Instant;

/**
 * Deletes old rows a bounded number at a time, so that each call is a short statement with short-lived locks.
 * Each method returns how many rows it deleted: fewer than {@code limit} means nothing older is left to delete.
 */
public interface RetentionStore {

    /**
     * Deletes at most {@code limit} candles opened before {@code cutoff} that were published; a candle stored but not
     * published yet is never deleted. Once fewer than {@code limit} are left (the last call of a sweep), it also
     * deletes the publication records acknowledged before {@code cutoff} that no candle is left in.
     */
    int deletePublishedCandlesBefore(Instant cutoff, int limit);

    /**
     * Deletes at most {@code limit} rejections recorded before {@code cutoff} whose incident was published or that
     * name no series (no incident can be published for them).
     */
    int deleteSettledRejectionsBefore(Instant cutoff, int limit);

    /** Deletes at most {@code limit} connection events that occurred before {@code cutoff}. */
    int deleteConnectionEventsBefore(Instant cutoff, int limit);
}
