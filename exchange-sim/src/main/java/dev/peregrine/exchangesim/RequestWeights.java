package dev.peregrine.exchangesim;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * The request weight of each simulated endpoint. {@link #spot()} holds the spot API's current values
 * (ping 1, time 1, exchangeInfo 20, klines 2 whatever the limit). The klines weight is a function of the
 * {@code limit} parameter so a limit-dependent table (as Binance's futures API uses) can be configured.
 */
public record RequestWeights(int ping, int time, int exchangeInfo, IntUnaryOperator klinesByLimit) {

    public RequestWeights {
        Objects.requireNonNull(klinesByLimit, "klinesByLimit");
        if (ping < 0 || time < 0 || exchangeInfo < 0) {
            throw new IllegalArgumentException("request weights cannot be negative");
        }
    }

    public static RequestWeights spot() {
        return new RequestWeights(1, 1, 20, limit -> 2);
    }

    public RequestWeights withKlines(IntUnaryOperator weightByLimit) {
        return new RequestWeights(ping, time, exchangeInfo, weightByLimit);
    }
}
