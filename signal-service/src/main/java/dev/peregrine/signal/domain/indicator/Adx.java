package dev.peregrine.signal.domain.indicator;

/**
 * Wilder's directional movement system over {@code period} bars. From the second bar on, each bar gives
 * {@code +DM = high - previousHigh} when that up-move exceeds the down-move {@code previousLow - low} and is
 * positive (else 0), {@code -DM} symmetrically, and its true range. The three are Wilder-smoothed
 * ({@link WilderAverage}, seeded with the simple average of the first {@code period} values, which gives the
 * same ratios as Wilder's running sums), then
 * <pre>
 *   +DI = 100 * smoothed(+DM) / smoothed(TR)      -DI = 100 * smoothed(-DM) / smoothed(TR)
 *   DX  = 100 * |+DI - -DI| / (+DI + -DI)          ADX = Wilder average of DX over period
 * </pre>
 * A zero smoothed range gives DIs of 0 and a zero DI sum a DX of 0, as in ta4j. +DI/-DI are warm from the
 * {@code period + 1}-th bar, the ADX from the {@code 2 * period}-th. ta4j seeds every one of these averages
 * with the first value instead (and counts the first bar's high - low as a true range), so it agrees only
 * once those seeds have decayed. Not thread-safe.
 */
public final class Adx {

    private final WilderAverage trueRange;
    private final WilderAverage plusMovement;
    private final WilderAverage minusMovement;
    private final WilderAverage averageDx;
    private boolean hasPrevious;
    private double previousHigh;
    private double previousLow;
    private double previousClose;

    public Adx(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ADX period must be at least 1: " + period);
        }
        this.trueRange = new WilderAverage(period);
        this.plusMovement = new WilderAverage(period);
        this.minusMovement = new WilderAverage(period);
        this.averageDx = new WilderAverage(period);
    }

    public void update(double high, double low, double close) {
        if (hasPrevious) {
            double upMove = high - previousHigh;
            double downMove = previousLow - low;
            plusMovement.update(upMove > downMove && upMove > 0 ? upMove : 0);
            minusMovement.update(downMove > upMove && downMove > 0 ? downMove : 0);
            trueRange.update(TrueRange.of(high, low, previousClose));
            if (trueRange.isWarm()) {
                averageDx.update(dx());
            }
        }
        hasPrevious = true;
        previousHigh = high;
        previousLow = low;
        previousClose = close;
    }

    private double dx() {
        double plus = plusDi();
        double minus = minusDi();
        double sum = plus + minus;
        return sum == 0 ? 0 : 100 * Math.abs(plus - minus) / sum;
    }

    public boolean isDiWarm() {
        return trueRange.isWarm();
    }

    public boolean isWarm() {
        return averageDx.isWarm();
    }

    public double plusDi() {
        return directionalIndex(plusMovement);
    }

    public double minusDi() {
        return directionalIndex(minusMovement);
    }

    private double directionalIndex(WilderAverage movement) {
        if (!isDiWarm()) {
            throw new IllegalStateException("ADX(" + trueRange.period() + ") directional indexes are warming up");
        }
        double range = trueRange.value();
        return range == 0 ? 0 : 100 * movement.value() / range;
    }

    public double value() {
        if (!isWarm()) {
            throw new IllegalStateException("ADX(" + trueRange.period() + ") is warming up");
        }
        return averageDx.value();
    }
}
