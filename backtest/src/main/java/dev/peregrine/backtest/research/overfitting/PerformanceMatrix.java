package dev.peregrine.backtest.research.overfitting;

import dev.peregrine.backtest.research.stats.TradeOutcome;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import java.util.List;

/**
 * Lines up the trades of several trials on common periods so CSCV can compare them: the window is cut into equal
 * buckets and each cell holds the sum of one trial's net returns of trades closed in that bucket (0 without trades).
 */
public final class PerformanceMatrix {

    private PerformanceMatrix() {}

    /** Rows are buckets in time order, columns the trials in the given order; trades outside the window are dropped. */
    public static double[][] bucketed(TimeWindow window, int buckets, List<List<TradeOutcome>> trials) {
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be at least 1: " + buckets);
        }
        double[][] matrix = new double[buckets][trials.size()];
        long from = window.from().toEpochMilli();
        long length = window.length().toMillis();
        for (int t = 0; t < trials.size(); t++) {
            for (TradeOutcome trade : trials.get(t)) {
                if (!window.contains(trade.closedAt())) {
                    continue;
                }
                long offset = trade.closedAt().toEpochMilli() - from;
                int bucket = (int) Math.min(buckets - 1, offset * buckets / length);
                matrix[bucket][t] += trade.netReturn();
            }
        }
        return matrix;
    }
}
