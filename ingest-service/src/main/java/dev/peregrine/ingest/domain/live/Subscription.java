package dev.peregrine.ingest.domain.live;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Series;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One stream of a combined-stream connection, e.g. {@code btcusdt@kline_1m}.
 *
 * @param interval present for {@link StreamType#KLINE} only
 */
public record Subscription(StreamType type, Symbol symbol, Optional<Interval> interval) {

    public Subscription {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        if ((type == StreamType.KLINE) != interval.isPresent()) {
            throw new IllegalArgumentException(
                    "a kline stream needs an interval and no other stream has one: " + type + " " + interval);
        }
    }

    public static Subscription kline(Symbol symbol, Interval interval) {
        return new Subscription(StreamType.KLINE, symbol, Optional.of(interval));
    }

    public static Subscription of(StreamType type, Symbol symbol) {
        return new Subscription(type, symbol, Optional.empty());
    }

    /** The stream name Binance expects: the symbol in lower case, then the stream type. */
    public String streamName() {
        String lower = symbol.value().toLowerCase(Locale.ROOT);
        return switch (type) {
            case KLINE -> lower + "@kline_" + interval.orElseThrow().code();
            case AGG_TRADE -> lower + "@aggTrade";
            case BOOK_TICKER -> lower + "@bookTicker";
        };
    }

    /** The candle series of a kline stream. */
    public Optional<Series> series() {
        return interval.map(i -> new Series(symbol, i));
    }
}
