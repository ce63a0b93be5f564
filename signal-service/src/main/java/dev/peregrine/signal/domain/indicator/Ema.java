package dev.peregrine.signal.domain.indicator;

/**
 * Exponential moving average, updated in O(1) per value. The first {@code period} values only seed it:
 * the average becomes defined ("warm") at the {@code period}-th value, seeded with the simple average of
 * those values, and from then on follows {@code ema = ema + alpha * (value - ema)} with
 * {@code alpha = 2 / (period + 1)}. Seeding with the SMA rather than the first value keeps one outlying
 * first close from dominating the average for many bars. ta4j's EMAIndicator starts from the first value
 * instead; the two converge by {@code (1 - alpha)} per value but differ right after warm-up. Not
 * thread-safe.
 */
public final class Ema {

    private final int period;
    private final double alpha;
    private int count;
    private double seedSum;
    private double value = Double.NaN;

    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1: " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1);
    }

    public void update(double input) {
        if (!Double.isFinite(input)) {
            throw new IllegalArgumentException("EMA input must be a finite number: " + input);
        }
        if (count < period) {
            seedSum += input;
            count++;
            if (count == period) {
                value = seedSum / period;
            }
            return;
        }
        value += alpha * (input - value);
    }

    public boolean isWarm() {
        return count >= period;
    }

    /** The current average; only defined once {@link #isWarm()}. */
    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException(
                    "EMA(" + period + ") is warming up: " + count + " of " + period + " values seen");
        }
        return value;
    }

    public int period() {
        return period;
    }
}
