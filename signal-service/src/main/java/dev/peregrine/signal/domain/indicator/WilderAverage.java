package dev.peregrine.signal.domain.indicator;

/**
 * Wilder's smoothing (the running moving average behind RSI, ATR and ADX), updated in O(1) per value. As in
 * Wilder's book it is seeded with the simple average of the first {@code period} values (warm from the
 * {@code period}-th value on) and then follows {@code avg = (avg * (period - 1) + value) / period}.
 *
 * <p>ta4j's MMAIndicator instead starts from the very first value; the two converge geometrically
 * (by {@code (1 - 1/period)} per bar) but differ during the first few hundred bars. Not thread-safe.
 */
public final class WilderAverage {

    private final int period;
    private int count;
    private double seedSum;
    private double value = Double.NaN;

    public WilderAverage(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("Wilder average period must be at least 1: " + period);
        }
        this.period = period;
    }

    public void update(double input) {
        if (count < period) {
            seedSum += input;
            count++;
            if (count == period) {
                value = seedSum / period;
            }
            return;
        }
        value = (value * (period - 1) + input) / period;
    }

    public boolean isWarm() {
        return count >= period;
    }

    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException(
                    "Wilder average(" + period + ") is warming up: " + count + " of " + period + " values seen");
        }
        return value;
    }

    public int period() {
        return period;
    }
}
