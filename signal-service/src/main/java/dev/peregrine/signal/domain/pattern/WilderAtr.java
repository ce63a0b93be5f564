package dev.peregrine.signal.domain.pattern;

/**
 * Wilder ATR for the swing-size filter: seeded with the mean of the first {@code period} true ranges, then
 * {@code atr = (atr * (period - 1) + trueRange) / period}. The same formula as the strategy's ATR; kept
 * private to this package because that indicator is being reorganised and the pattern code must not move
 * with it.
 */
final class WilderAtr {

    private final int period;
    private int count;
    private double seedSum;
    private double value = Double.NaN;
    private double previousClose = Double.NaN;

    WilderAtr(int period) {
        this.period = period;
    }

    void update(PatternBar bar) {
        double trueRange = Double.isNaN(previousClose)
                ? bar.high() - bar.low()
                : Math.max(bar.high() - bar.low(), Math.max(Math.abs(bar.high() - previousClose), Math.abs(bar.low() - previousClose)));
        previousClose = bar.close();
        if (count < period) {
            seedSum += trueRange;
            count++;
            if (count == period) {
                value = seedSum / period;
            }
            return;
        }
        value = (value * (period - 1) + trueRange) / period;
    }

    boolean isWarm() {
        return count >= period;
    }

    /** The ATR, NaN while warming up. */
    double value() {
        return value;
    }
}
