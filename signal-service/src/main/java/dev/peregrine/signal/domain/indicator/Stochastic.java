package dev.peregrine.signal.domain.indicator;

/**
 * Stochastic oscillator: {@code %K = 100 * (close - lowestLow) / (highestHigh - lowestLow)} over the last
 * {@code kPeriod} bars (the current one included) and {@code %D = SMA(dPeriod)} of %K, as ta4j's
 * StochasticOscillatorK/DIndicator. A window without range gives %K = 50 (ta4j divides by zero). %K is
 * warm from the {@code kPeriod}-th bar, %D from the {@code kPeriod + dPeriod - 1}-th. Not thread-safe.
 */
public final class Stochastic {

    private final RollingExtremum highestHigh;
    private final RollingExtremum lowestLow;
    private final Sma d;
    private double k = Double.NaN;

    public Stochastic(int kPeriod, int dPeriod) {
        if (kPeriod < 1) {
            throw new IllegalArgumentException("stochastic %K period must be at least 1: " + kPeriod);
        }
        this.highestHigh = RollingExtremum.highest(kPeriod);
        this.lowestLow = RollingExtremum.lowest(kPeriod);
        this.d = new Sma(dPeriod);
    }

    public void update(double high, double low, double close) {
        highestHigh.add(high);
        lowestLow.add(low);
        if (highestHigh.isFull()) {
            double range = highestHigh.value() - lowestLow.value();
            k = range == 0 ? 50 : 100 * (close - lowestLow.value()) / range;
            d.update(k);
        }
    }

    public boolean isKWarm() {
        return highestHigh.isFull();
    }

    public boolean isDWarm() {
        return d.isWarm();
    }

    public double k() {
        if (!isKWarm()) {
            throw new IllegalStateException("stochastic %K(" + highestHigh.window() + ") is warming up");
        }
        return k;
    }

    public double d() {
        return d.value();
    }
}
