package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.Series;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Candles keyed by (symbol, interval, open time): storing the same candle twice keeps the first. */
public interface CandleStore {

    /** Stores {@code candle} unless its key is taken, and returns what is stored under the key. */
    StoredCandle storeIfAbsent(NewCandle candle);

    /**
     * {@link #storeIfAbsent} for many candles in a few round trips: returns what is stored under each one's key,
     * in the order given.
     */
    List<StoredCandle> storeAllIfAbsent(List<NewCandle> candles);

    /** Records that the candles published under these event ids were acknowledged by the broker. */
    void markPublished(Collection<UUID> eventIds, Instant publishedAt);

    /** The open time of the series' latest published candle: where the live feed's backfill resumes. */
    Optional<Instant> latestPublishedOpenTime(Series series);
}
