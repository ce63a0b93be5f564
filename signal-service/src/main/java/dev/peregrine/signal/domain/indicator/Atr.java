package dev.peregrine.signal.domain.indicator;

/**
 * Average true range with Wilder's smoothing, updated in O(1) per bar. The true range of a bar is
 * {@code max(high - low, |high - previousClose|, |low - previousClose|)}; the first bar has no previous
 * close, so its true range is {@code high - low} (as in ta4j's TRIndicator). The ATR is seeded with the
 * simple average of the first {@code period} true ranges (it is "warm" from that bar on) and then follows
 * {@code atr = (atr * (period - 1) + trueRange) / period}. ta4j seeds with the first true range alone, so
 * the two agree only once that seed has decayed. Not thread-safe.
 */
public final class Atr {

    public static final int DEFAULT_PERIOD = 14;

    private final WilderAverage average;
    private double previousClose = Double.NaN;

    public Atr(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be at least 1: " + period);
        }
        this.average = new WilderAverage(period);
    }

    public void update(double high, double low, double close) {
        if (!(Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close))) {
            throw new IllegalArgumentException("ATR inputs must be finite numbers");
        }
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low);
        }
        double trueRange = Double.isNaN(previousClose) ? high - low : TrueRange.of(high, low, previousClose);
        previousClose = close;
        average.update(trueRange);
    }

    public boolean isWarm() {
        return average.isWarm();
    }

    /** The current ATR; only defined once {@link #isWarm()}. */
    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException("ATR(" + period() + ") is warming up");
        }
        return average.value();
    }

    public int period() {
        return average.period();
    }
}
