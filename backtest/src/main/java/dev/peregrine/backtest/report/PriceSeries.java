package dev.peregrine.backtest.report;

import java.util.Objects;

/** A symbol's closes, candle by candle, in time order (epoch milliseconds of the candle's close). */
public record PriceSeries(String symbol, long[] times, double[] closes) {

    public PriceSeries {
        Objects.requireNonNull(symbol, "symbol");
        if (times.length != closes.length) {
            throw new IllegalArgumentException(
                    "times and closes differ in length: " + times.length + " vs " + closes.length);
        }
    }

    public int size() {
        return times.length;
    }
}
