package dev.peregrine.monitor.domain.quality;

import java.util.Arrays;

/**
 * Location, spread and win/loss split of net returns: what a strategy earns per signal after costs.
 *
 * @param mean                 the expectancy after costs (returns are already net), NaN when empty
 * @param standardError        s/√n of the mean, NaN below two values
 * @param median               the sample median
 * @param medianStandardError  √(π/2)·s/√n, the large-sample standard error of the median under normality
 * @param averageWin           mean of the positive returns, 0 when there are none
 * @param averageLoss          mean of the negative returns (a negative number), 0 when there are none
 * @param profitFactor         gross gains / |gross losses|; +∞ with gains and no losses, NaN with neither
 */
public record ReturnDistribution(
        int count,
        double mean,
        double standardError,
        double standardDeviation,
        double median,
        double medianStandardError,
        double averageWin,
        double averageLoss,
        double profitFactor) {

    private static final double MEDIAN_EFFICIENCY = Math.sqrt(Math.PI / 2);

    public static ReturnDistribution of(double[] returns) {
        SampleMoments moments = SampleMoments.of(returns);
        double gains = 0;
        double losses = 0;
        int wins = 0;
        int lossCount = 0;
        for (double r : returns) {
            if (r > 0) {
                gains += r;
                wins++;
            } else if (r < 0) {
                losses -= r;
                lossCount++;
            }
        }
        double profitFactor = losses > 0 ? gains / losses : gains > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        return new ReturnDistribution(
                moments.count(),
                moments.mean(),
                moments.standardError(),
                moments.standardDeviation(),
                median(returns),
                MEDIAN_EFFICIENCY * moments.standardError(),
                wins == 0 ? 0 : gains / wins,
                lossCount == 0 ? 0 : -losses / lossCount,
                profitFactor);
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
    }
}
