package dev.peregrine.signal.domain.indicator;

/**
 * Volatility per bar: the population standard deviation of the last {@code period} log returns
 * {@code ln(close / previousClose)}, not annualised (same as ta4j's StandardDeviationIndicator over
 * {@code log(ClosePriceRatioIndicator)}). Warm from the {@code period + 1}-th close. Not thread-safe.
 */
public final class RollingVolatility {

    private final RollingStats returns;
    private double previousClose = Double.NaN;

    public RollingVolatility(int period) {
        if (period < 2) {
            throw new IllegalArgumentException("volatility period must be at least 2: " + period);
        }
        this.returns = new RollingStats(period);
    }

    public void update(double close) {
        if (!(close > 0 && Double.isFinite(close))) {
            throw new IllegalArgumentException("volatility needs positive closes: " + close);
        }
        if (!Double.isNaN(previousClose)) {
            returns.add(Math.log(close / previousClose));
        }
        previousClose = close;
    }

    public boolean isWarm() {
        return returns.isFull();
    }

    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException("volatility(" + returns.capacity() + ") is warming up");
        }
        return returns.standardDeviation();
    }
}
