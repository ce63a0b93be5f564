package dev.peregrine.ingest.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/** Candles keyed by (symbol, interval, open time): storing the same candle twice keeps the first. */
public interface CandleStore {

    /** Stores {@code candle} unless its key is taken, and returns what is stored under the key. */
    StoredCandle storeIfAbsent(NewCandle candle);

    /** Records that the candles published under these event ids were acknowledged by the broker. */
    void markPublished(Collection<UUID> eventIds, Instant publishedAt);
}
