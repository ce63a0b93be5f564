package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.CandleArrival;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * What the live feed counts, beside the pipeline's {@link IngestMetrics} (which also counts its messages per kind
 * and its rejections).
 */
public interface FeedMetrics {

    /** A live message could not be read. */
    void parseFailure(RejectionReason reason);

    /** A reconnect started; {@code reason} is {@code dropped}, {@code planned}, {@code overflow} or {@code silent}. */
    void reconnect(String reason);

    /** How many stream messages wait for the feed thread, read whenever the metric is scraped. */
    void queuedMessages(IntSupplier queued);

    /** A connection's messages overflowed the feed's queue: it is closed and reconnected, with a backfill. */
    void queueOverflow();

    /** Messages of an overflowed connection not queued while it closes (its closed klines come from the backfill). */
    void messageShed();

    /** How many stream connections are open now. */
    void openConnections(int open);

    /**
     * A live feed candle was acknowledged by the broker.
     *
     * @param sinceEventTime from the exchange's event time of the closed kline to the acknowledgement (stream
     *                       candles only)
     */
    void liveCandlePublished(Series series, CandleArrival.Origin origin, Optional<Duration> sinceEventTime);

    /** The request weight Binance reported as used in the current minute. */
    void restUsedWeight(int used);

    /** Binance answered 429 or 418. */
    void restLimited(int status);
}
