package dev.peregrine.signal.domain.indicator;

/**
 * Donchian channel over {@code period} bars: {@code upper} the highest high and {@code lower} the lowest low
 * of the last {@code period} bars including the current one, {@code middle} their mean (ta4j's
 * HighestValueIndicator / LowestValueIndicator). For breakouts, {@code previousUpper}/{@code previousLower}
 * cover the {@code period} bars before the current one (excluding it), so {@code close > previousUpper} is a
 * new {@code period}-bar high; they equal the channel of the bar before. The channel is warm from the
 * {@code period}-th bar, the previous channel from the {@code period + 1}-th. Not thread-safe.
 */
public final class DonchianChannel {

    private final RollingExtremum highs;
    private final RollingExtremum lows;
    private boolean previousWarm;
    private double previousUpper;
    private double previousLower;

    public DonchianChannel(int period) {
        this.highs = RollingExtremum.highest(period);
        this.lows = RollingExtremum.lowest(period);
    }

    public void update(double high, double low) {
        if (isWarm()) {
            previousWarm = true;
            previousUpper = highs.value();
            previousLower = lows.value();
        }
        highs.add(high);
        lows.add(low);
    }

    public boolean isWarm() {
        return highs.isFull();
    }

    public boolean isPreviousWarm() {
        return previousWarm;
    }

    public double upper() {
        requireWarm();
        return highs.value();
    }

    public double lower() {
        requireWarm();
        return lows.value();
    }

    public double middle() {
        return (upper() + lower()) / 2;
    }

    public double previousUpper() {
        requirePreviousWarm();
        return previousUpper;
    }

    public double previousLower() {
        requirePreviousWarm();
        return previousLower;
    }

    private void requireWarm() {
        if (!isWarm()) {
            throw new IllegalStateException("Donchian(" + highs.window() + ") is warming up");
        }
    }

    private void requirePreviousWarm() {
        if (!previousWarm) {
            throw new IllegalStateException("previous Donchian(" + highs.window() + ") is warming up");
        }
    }
}
