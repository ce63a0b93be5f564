package dev.peregrine.benchmarks.signal;

import java.util.Arrays;

/**
 * Forward returns (in basis points, signed in each signal's direction) of one group of signals: count, mean,
 * median, hit rate (share of returns strictly above 0) and the standard error of the mean.
 *
 * <p>The standard error is the textbook {@code sd / sqrt(n)}, which assumes independent returns. Signals here
 * are not independent (several analysts fire on the same candle, consecutive candles share most of their
 * horizon), so it understates the real uncertainty; it is a floor, not a confidence interval.
 */
public final class ForwardReturnStats {

    private double[] values = new double[64];
    private int count;
    private int hits;
    private double sum;

    public void add(double bps) {
        if (!Double.isFinite(bps)) {
            throw new IllegalArgumentException("forward return must be a finite number of bps: " + bps);
        }
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = bps;
        sum += bps;
        if (bps > 0) {
            hits++;
        }
    }

    /** Adds every value of {@code other}. */
    public void addAll(ForwardReturnStats other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
    }

    public int count() {
        return count;
    }

    /** NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** Middle value, or the mean of the two middle values for an even count; NaN when empty. */
    public double median() {
        if (count == 0) {
            return Double.NaN;
        }
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int middle = count / 2;
        return count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Share of forward returns strictly above 0 (a return of exactly 0 is no hit); NaN when empty. */
    public double hitRate() {
        return count == 0 ? Double.NaN : (double) hits / count;
    }

    /** Sample standard deviation / sqrt(n); NaN below two values. */
    public double standardError() {
        if (count < 2) {
            return Double.NaN;
        }
        // Two passes: the one-pass sum of squares loses digits when the mean is large against the spread.
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double deviation = values[i] - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (count - 1) / count);
    }
}
