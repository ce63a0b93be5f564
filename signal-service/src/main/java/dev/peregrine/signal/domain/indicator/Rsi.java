package dev.peregrine.signal.domain.indicator;

/**
 * Wilder's relative strength index over {@code period} closes: the close-to-close gains and losses are
 * each Wilder-smoothed ({@link WilderAverage}, seeded with their simple average over the first {@code period}
 * changes) and {@code RSI = 100 - 100 / (1 + avgGain / avgLoss)}. Warm from the {@code period + 1}-th close.
 * With no loss in the window the RSI is 100; with neither gain nor loss (a flat market) it is 50, where
 * ta4j says 0: a market that does not move is neither overbought nor oversold. Not thread-safe.
 */
public final class Rsi {

    private final WilderAverage averageGain;
    private final WilderAverage averageLoss;
    private double previousClose = Double.NaN;

    public Rsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be at least 1: " + period);
        }
        this.averageGain = new WilderAverage(period);
        this.averageLoss = new WilderAverage(period);
    }

    public void update(double close) {
        if (!Double.isFinite(close)) {
            throw new IllegalArgumentException("RSI input must be a finite number: " + close);
        }
        if (!Double.isNaN(previousClose)) {
            double change = close - previousClose;
            averageGain.update(change > 0 ? change : 0);
            averageLoss.update(change < 0 ? -change : 0);
        }
        previousClose = close;
    }

    public boolean isWarm() {
        return averageGain.isWarm();
    }

    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException("RSI(" + averageGain.period() + ") is warming up");
        }
        double gain = averageGain.value();
        double loss = averageLoss.value();
        if (loss == 0) {
            return gain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    public int period() {
        return averageGain.period();
    }
}
