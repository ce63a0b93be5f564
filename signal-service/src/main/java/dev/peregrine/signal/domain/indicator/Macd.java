package dev.peregrine.signal.domain.indicator;

/**
 * Moving average convergence/divergence: {@code line = EMA(fast) - EMA(slow)} of the closes,
 * {@code signal = EMA(signalPeriod)} of the line, {@code histogram = line - signal}. Every EMA is an
 * {@link Ema} (seeded with a simple average), and the signal EMA is fed only once the line exists, so the
 * line is warm from the {@code slow}-th close and signal and histogram from the
 * {@code slow + signalPeriod - 1}-th. Not thread-safe.
 */
public final class Macd {

    private final Ema fast;
    private final Ema slow;
    private final Ema signal;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod) {
        if (fastPeriod >= slowPeriod) {
            throw new IllegalArgumentException(
                    "MACD fast period " + fastPeriod + " must be shorter than slow period " + slowPeriod);
        }
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.signal = new Ema(signalPeriod);
    }

    public void update(double close) {
        fast.update(close);
        slow.update(close);
        if (slow.isWarm()) {
            signal.update(fast.value() - slow.value());
        }
    }

    public boolean isLineWarm() {
        return slow.isWarm();
    }

    /** Whether signal and histogram are defined (the line is then too). */
    public boolean isWarm() {
        return signal.isWarm();
    }

    public double line() {
        if (!isLineWarm()) {
            throw new IllegalStateException("MACD line is warming up");
        }
        return fast.value() - slow.value();
    }

    public double signal() {
        if (!isWarm()) {
            throw new IllegalStateException("MACD signal is warming up");
        }
        return signal.value();
    }

    public double histogram() {
        return line() - signal();
    }
}
