package dev.peregrine.backtest.research.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability table: predictions in equal-width probability bins, each with its mean prediction and observed hit
 * frequency. A calibrated model has the two equal in every bin with enough signals. Empty bins are kept with
 * count 0 and no means (null) so tables of different runs line up.
 *
 * @param bins lowest probabilities first
 */
public record ReliabilityTable(List<Bin> bins) {

    public ReliabilityTable {
        bins = List.copyOf(bins);
    }

    public static ReliabilityTable of(List<Prediction> predictions, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("binCount must be at least 1: " + binCount);
        }
        int[] counts = new int[binCount];
        double[] predicted = new double[binCount];
        double[] observed = new double[binCount];
        for (Prediction p : predictions) {
            int bin = Math.min(binCount - 1, (int) Math.floor(p.probability() * binCount));
            counts[bin]++;
            predicted[bin] += p.probability();
            observed[bin] += p.outcome();
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < binCount; i++) {
            Double meanPredicted = counts[i] == 0 ? null : predicted[i] / counts[i];
            Double frequency = counts[i] == 0 ? null : observed[i] / counts[i];
            bins.add(new Bin((double) i / binCount, (double) (i + 1) / binCount, counts[i], meanPredicted, frequency));
        }
        return new ReliabilityTable(bins);
    }

    /**
     * @param lower             lowest probability in the bin (inclusive)
     * @param upper             highest (exclusive, except 1.0 in the last bin)
     * @param count             predictions in the bin
     * @param meanPredicted     their mean probability, null when empty
     * @param observedFrequency share of them that hit, null when empty
     */
    public record Bin(double lower, double upper, int count, Double meanPredicted, Double observedFrequency) {}
}
