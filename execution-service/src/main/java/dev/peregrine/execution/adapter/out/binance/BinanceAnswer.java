package dev.peregrine.execution.adapter.out.binance;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What Binance answered to one call. Never thrown: a call either got its value ({@link Ok}) or one of the
 * failures, and only {@link Unknown} leaves open whether the call took effect.
 */
public sealed interface BinanceAnswer<T> {

    /** The call succeeded; {@code value} is its typed answer. */
    record Ok<T>(T value) implements BinanceAnswer<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Binance refused the request (HTTP 4XX with a Binance {@code code}, 0 when the body carried none): it was not
     * executed. E.g. -1013 filter failure, -2010 new order rejected, -1021 timestamp outside the recvWindow.
     */
    record Refused<T>(int httpStatus, int code, String message) implements BinanceAnswer<T> {

        /** -1021: the timestamp was outside the recvWindow or ahead of the server: sync the {@link VenueClock}. */
        public boolean clockSkew() {
            return code == BinanceCodes.INVALID_TIMESTAMP;
        }
    }

    /**
     * The order does not exist for Binance: -2013 (query) or -2011 (cancel: unknown or no longer open order). Shortly
     * after a send whose outcome was unknown, -2013 may also mean "not visible yet": the caller decides.
     */
    record NotFound<T>(int httpStatus, int code, String message) implements BinanceAnswer<T> {}

    /** HTTP 429 (request or order rate limit) or 418 (IP banned); {@code retryAfter} from the Retry-After header. */
    record RateLimited<T>(int httpStatus, int code, Optional<Duration> retryAfter) implements BinanceAnswer<T> {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * Whether the call took effect is unknown (5XX, -1006, -1007, HTTP 408, no or unreadable answer, time-out): an
     * order may exist. Find out by querying it by its client order id; never send it again blindly.
     */
    record Unknown<T>(String why) implements BinanceAnswer<T> {}

    /** The value transformed when {@link Ok}; every failure is kept as it is. */
    @SuppressWarnings("unchecked")
    default <R> BinanceAnswer<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Ok<T>(T value)) {
            return new Ok<>(mapper.apply(value));
        }
        return (BinanceAnswer<R>) this; // the failures carry no T
    }
}
