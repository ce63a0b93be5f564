package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.Series;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Candles keyed by (symbol, interval, open time): storing the same candle twice keeps the first.
 *
 * <p>Candles are stored for a <em>publication</em>: the candles (and their incidents) published and acknowledged
 * together, named by an id the caller makes up. Once the broker acknowledged it, {@link #markPublished} marks all of
 * its candles published at once, rather than one by one.
 */
public interface CandleStore {

    /** {@link #storeAllIfAbsent} for one candle. */
    StoredCandle storeIfAbsent(NewCandle candle, UUID publicationId);

    /**
     * Stores each candle unless its key is taken, in a few round trips, and returns what is stored under each key,
     * in the order given. New candles are stored for {@code publicationId}; so are stored candles that are not
     * published yet (an earlier publication failed or is still under way): this publication publishes them again,
     * under their stored event ids, which consumers recognise as duplicates.
     */
    List<StoredCandle> storeAllIfAbsent(List<NewCandle> candles, UUID publicationId);

    /** Records that the broker acknowledged publication {@code publicationId}: its candles are published. */
    void markPublished(UUID publicationId, Instant publishedAt);

    /** The open time of the series' latest published candle: where the live feed's backfill resumes. */
    Optional<Instant> latestPublishedOpenTime(Series series);
}
