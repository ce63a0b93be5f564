package dev.peregrine.ingest.domain.live;

import dev.peregrine.ingest.domain.Candle;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A closed candle on its way to the quality stage, with where it came from.
 *
 * @param eventTime the exchange's event time of a stream message ({@code E}); empty for a backfilled candle
 */
public record CandleArrival(Candle candle, Origin origin, Optional<Instant> eventTime) {

    /** Where a closed candle came from; the names are the {@code source} stored with it. */
    public enum Origin {
        /** A closed kline ({@code x: true}) of a WebSocket stream. */
        STREAM("binance-ws"),
        /** A kline of the REST {@code /api/v3/klines} answer. */
        BACKFILL("binance-rest");

        private final String source;

        Origin(String source) {
            this.source = source;
        }

        public String source() {
            return source;
        }
    }

    public CandleArrival {
        Objects.requireNonNull(candle, "candle");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    public static CandleArrival streamed(Candle candle, Instant eventTime) {
        return new CandleArrival(candle, Origin.STREAM, Optional.of(eventTime));
    }

    public static CandleArrival backfilled(Candle candle) {
        return new CandleArrival(candle, Origin.BACKFILL, Optional.empty());
    }

    public Instant openTime() {
        return candle.openTime();
    }
}
