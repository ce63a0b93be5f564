package dev.peregrine.signal.domain.indicator;

/**
 * Mean and population variance of the last {@code capacity} values, in O(1) amortised per value. Values
 * enter and leave with Welford's sliding-window update (no subtraction of large sums of squares), and each
 * time the ring buffer wraps the mean and the sum of squared deviations are recomputed exactly from the
 * window, so rounding errors never accumulate beyond one window's worth of updates. Not thread-safe.
 */
public final class RollingStats {

    /**
     * A standard deviation at or below this fraction of the mean's magnitude is treated as no dispersion:
     * a window of equal values can leave a few ulps of rounding in the variance.
     */
    static final double NO_DISPERSION = 1e-12;

    private final double[] window;
    private int size;
    private int next;
    private double mean;
    /** Sum of squared deviations from {@link #mean} over the window. */
    private double m2;

    public RollingStats(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window must hold at least 1 value: " + capacity);
        }
        this.window = new double[capacity];
    }

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("rolling window input must be a finite number: " + value);
        }
        if (size < window.length) {
            window[next] = value;
            size++;
            double delta = value - mean;
            mean += delta / size;
            m2 += delta * (value - mean);
        } else {
            double old = window[next];
            window[next] = value;
            double newMean = mean + (value - old) / size;
            m2 += (value - old) * (value - newMean + old - mean);
            mean = newMean;
        }
        next++;
        if (next == window.length) {
            next = 0;
            recompute();
        }
    }

    /** Two-pass mean and corrected sum of squares over the window: exact up to one rounding per value. */
    private void recompute() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += window[i];
        }
        double exactMean = sum / size;
        double squares = 0;
        double deviations = 0;
        for (int i = 0; i < size; i++) {
            double d = window[i] - exactMean;
            squares += d * d;
            deviations += d;
        }
        mean = exactMean;
        m2 = squares - deviations * deviations / size;
    }

    public boolean isFull() {
        return size == window.length;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return window.length;
    }

    /** Mean of the values in the window; only defined once a value was added. */
    public double mean() {
        requireValues();
        return mean;
    }

    /** Population variance (divided by the number of values, as ta4j's VarianceIndicator does). */
    public double variance() {
        requireValues();
        return Math.max(0, m2) / size;
    }

    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /** Whether the window's standard deviation is only rounding noise relative to its mean. */
    public boolean hasNoDispersion() {
        return standardDeviation() <= NO_DISPERSION * Math.abs(mean());
    }

    private void requireValues() {
        if (size == 0) {
            throw new IllegalStateException("the rolling window is empty");
        }
    }
}
