package dev.peregrine.signal.domain.indicator;

/**
 * On-balance volume: starts at 0 on the first bar, then adds the bar's volume when the close rose, subtracts
 * it when the close fell and keeps it when unchanged, as ta4j's OnBalanceVolumeIndicator. Its level depends
 * on where the series started; only its changes mean something. Warm from the first bar. Not thread-safe.
 */
public final class Obv {

    private final CompensatedSum total = new CompensatedSum();
    private double previousClose = Double.NaN;

    public void update(double close, double volume) {
        if (!Double.isNaN(previousClose)) {
            if (close > previousClose) {
                total.add(volume);
            } else if (close < previousClose) {
                total.add(-volume);
            }
        }
        previousClose = close;
    }

    public boolean isWarm() {
        return !Double.isNaN(previousClose);
    }

    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException("OBV has seen no bar yet");
        }
        return total.value();
    }
}
