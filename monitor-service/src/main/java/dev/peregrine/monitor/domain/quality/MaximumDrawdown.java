package dev.peregrine.monitor.domain.quality;

/**
 * The deepest fall of the cumulative net return from its running peak, with one unit staked per outcome (returns
 * are summed, not compounded, so the figure does not depend on position sizing). The curve starts at 0, so a first
 * loss is already a drawdown.
 *
 * @param depth       peak minus trough, ≥ 0, in return units (0.05 = 5 % of one stake)
 * @param peakIndex   number of outcomes before the peak (0 = the start)
 * @param troughIndex number of outcomes up to and including the trough
 */
public record MaximumDrawdown(double depth, int peakIndex, int troughIndex) {

    public static MaximumDrawdown of(double[] returnsInTimeOrder) {
        double cumulative = 0;
        double peak = 0;
        int peakAt = 0;
        double deepest = 0;
        int deepestPeak = 0;
        int deepestTrough = 0;
        for (int i = 0; i < returnsInTimeOrder.length; i++) {
            cumulative += returnsInTimeOrder[i];
            if (cumulative > peak) {
                peak = cumulative;
                peakAt = i + 1;
            } else if (peak - cumulative > deepest) {
                deepest = peak - cumulative;
                deepestPeak = peakAt;
                deepestTrough = i + 1;
            }
        }
        return new MaximumDrawdown(deepest, deepestPeak, deepestTrough);
    }
}
