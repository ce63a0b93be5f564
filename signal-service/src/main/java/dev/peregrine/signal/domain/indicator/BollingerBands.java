package dev.peregrine.signal.domain.indicator;

/**
 * Bollinger bands over the last {@code period} closes: {@code middle = SMA}, {@code upper/lower = middle ± k * sd}
 * with the population standard deviation (divided by {@code period}, as ta4j's StandardDeviationIndicator),
 * {@code %B = (close - lower) / (upper - lower)} and {@code bandwidth = (upper - lower) / middle} as a
 * fraction (ta4j's BollingerBandWidthIndicator is the same times 100). When the window has no dispersion
 * the bands collapse onto the middle and %B is 0.5 (ta4j divides by zero). Warm once {@code period} closes
 * were seen. Not thread-safe.
 */
public final class BollingerBands {

    private final RollingStats window;
    private final double k;
    private double lastClose = Double.NaN;

    public BollingerBands(int period, double k) {
        if (period < 2) {
            throw new IllegalArgumentException("Bollinger period must be at least 2: " + period);
        }
        if (!(k > 0 && Double.isFinite(k))) {
            throw new IllegalArgumentException("Bollinger width k must be a positive number: " + k);
        }
        this.window = new RollingStats(period);
        this.k = k;
    }

    public void update(double close) {
        window.add(close);
        lastClose = close;
    }

    public boolean isWarm() {
        return window.isFull();
    }

    public double middle() {
        requireWarm();
        return window.mean();
    }

    public double upper() {
        return middle() + k * deviation();
    }

    public double lower() {
        return middle() - k * deviation();
    }

    public double percentB() {
        double upper = upper();
        double lower = lower();
        return upper == lower ? 0.5 : (lastClose - lower) / (upper - lower);
    }

    public double bandwidth() {
        return (upper() - lower()) / middle();
    }

    private double deviation() {
        requireWarm();
        return window.hasNoDispersion() ? 0 : window.standardDeviation();
    }

    private void requireWarm() {
        if (!isWarm()) {
            throw new IllegalStateException("Bollinger(" + window.capacity() + ") is warming up");
        }
    }
}
