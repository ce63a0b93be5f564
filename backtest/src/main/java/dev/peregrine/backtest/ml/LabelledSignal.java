package dev.peregrine.backtest.ml;

import java.time.Instant;
import java.util.Objects;

/**
 * One signal of the chain with its features and outcome.
 *
 * @param time          close time of the candle the signal was judged on (the entry)
 * @param exitTime      close time of the candle the forward return is measured at (the horizon)
 * @param features      {@code MlFeatures.of} of its (unfiltered) validation
 * @param forwardReturn the return in the signal's direction from entry to exit, after round-trip costs
 */
public record LabelledSignal(
        Instant time, Instant exitTime, String symbol, String analyst, double[] features, double forwardReturn) {

    public LabelledSignal {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(analyst, "analyst");
        Objects.requireNonNull(features, "features");
    }

    /** 1 when the forward return after costs is positive. */
    public float label() {
        return forwardReturn > 0 ? 1f : 0f;
    }
}
