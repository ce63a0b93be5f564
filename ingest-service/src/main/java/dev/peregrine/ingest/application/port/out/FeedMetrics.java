package dev.peregrine.ingest.application.port.out;

import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.CandleArrival;

import java.time.Duration;
import java.util.Optional;

/**
 * What the live feed counts, beside the pipeline's {@link IngestMetrics} (which also counts its messages per kind
 * and its rejections).
 */
public interface FeedMetrics {

    /** A live message could not be read. */
    void parseFailure(RejectionReason reason);

    /** A reconnect started; {@code reason} is {@code dropped} or {@code planned}. */
    void reconnect(String reason);

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
