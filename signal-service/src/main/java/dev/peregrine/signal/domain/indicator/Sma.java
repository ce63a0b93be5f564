package dev.peregrine.signal.domain.indicator;

/** Simple moving average of the last {@code period} values; warm once {@code period} values were seen. Not thread-safe. */
public final class Sma {

    private final RollingStats window;

    public Sma(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("SMA period must be at least 1: " + period);
        }
        this.window = new RollingStats(period);
    }

    public void update(double input) {
        window.add(input);
    }

    public boolean isWarm() {
        return window.isFull();
    }

    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException(
                    "SMA(" + period() + ") is warming up: " + window.size() + " of " + period() + " values seen");
        }
        return window.mean();
    }

    public int period() {
        return window.capacity();
    }
}
