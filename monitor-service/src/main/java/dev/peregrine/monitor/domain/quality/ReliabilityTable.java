package dev.peregrine.monitor.domain.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Calibration as a table: confidence cut into equal-width bins against the hit rate realised in each, so an
 * operator sees whether "70 % confident" signals hit about 70 % of the time.
 *
 * @param expectedCalibrationError Σ (n_b / N)·|hit rate_b − mean confidence_b| over non-empty bins; NaN when empty
 */
public record ReliabilityTable(List<ReliabilityBin> bins, int count, double expectedCalibrationError) {

    public static final int DEFAULT_BINS = 10;

    public ReliabilityTable {
        bins = List.copyOf(bins);
    }

    public static ReliabilityTable of(Collection<MeasuredOutcome> outcomes) {
        return of(outcomes, DEFAULT_BINS, SampleQuality.DEFAULT_CONFIDENCE);
    }

    public static ReliabilityTable of(Collection<MeasuredOutcome> outcomes, int binCount, double confidenceLevel) {
        if (binCount < 1) {
            throw new IllegalArgumentException("binCount must be >= 1: " + binCount);
        }
        int[] counts = new int[binCount];
        int[] hits = new int[binCount];
        double[] confidenceSums = new double[binCount];
        for (MeasuredOutcome outcome : outcomes) {
            int bin = Math.min(binCount - 1, (int) Math.floor(outcome.confidence() * binCount));
            counts[bin]++;
            hits[bin] += outcome.hit() ? 1 : 0;
            confidenceSums[bin] += outcome.confidence();
        }
        List<ReliabilityBin> bins = new ArrayList<>(binCount);
        int total = outcomes.size();
        double weightedGap = 0;
        for (int b = 0; b < binCount; b++) {
            ReliabilityBin bin = new ReliabilityBin(
                    (double) b / binCount,
                    (double) (b + 1) / binCount,
                    counts[b],
                    counts[b] == 0 ? Double.NaN : confidenceSums[b] / counts[b],
                    WilsonInterval.of(hits[b], counts[b], confidenceLevel));
            bins.add(bin);
            if (counts[b] > 0) {
                weightedGap += counts[b] * Math.abs(bin.gap());
            }
        }
        return new ReliabilityTable(bins, total, total == 0 ? Double.NaN : weightedGap / total);
    }
}
