package dev.peregrine.backtest.research.overfitting;

/**
 * Probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey, Borwein, López de Prado
 * and Zhu, "The Probability of Backtest Overfitting", 2015). The performance matrix has one column per trial
 * (configuration) and one row per period, all trials on the same periods. The rows are cut into S contiguous
 * partitions; for every choice of S/2 of them as in-sample, the best in-sample trial is ranked out of sample on the
 * rest. PBO is the share of choices where that trial lands at or below the out-of-sample median (logit <= 0).
 * Performance is the Sharpe ratio (mean / sample stdev) of the rows in the half.
 */
public final class BacktestOverfitting {

    /** C(20, 10) = 184,756 combinations at most. */
    public static final int MAX_PARTITIONS = 20;

    private BacktestOverfitting() {}

    public static PboResult estimate(double[][] performance, int partitions) {
        validate(performance, partitions);
        int trials = performance[0].length;
        Moments[] parts = partitionMoments(performance, partitions);
        int combinations = 0;
        int overfit = 0;
        int losses = 0;
        double logitSum = 0;
        for (int mask = 0; mask < (1 << partitions); mask++) {
            if (Integer.bitCount(mask) != partitions / 2) {
                continue;
            }
            double[] inSample = sharpe(parts, mask, trials);
            double[] outOfSample = sharpe(parts, ~mask & ((1 << partitions) - 1), trials);
            int best = argMax(inSample);
            double omega = relativeRank(outOfSample, best);
            double logit = Math.log(omega / (1.0 - omega));
            combinations++;
            logitSum += logit;
            if (logit <= 0) {
                overfit++;
            }
            if (outOfSample[best] < 0) {
                losses++;
            }
        }
        return new PboResult(
                (double) overfit / combinations,
                (double) losses / combinations,
                logitSum / combinations,
                combinations,
                trials,
                performance.length,
                partitions);
    }

    private static void validate(double[][] performance, int partitions) {
        if (partitions < 2 || partitions % 2 != 0 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("partitions must be even, 2.." + MAX_PARTITIONS + ": " + partitions);
        }
        if (performance.length < 2 * partitions) {
            throw new IllegalArgumentException("need at least two periods per partition: " + performance.length
                    + " periods for " + partitions + " partitions");
        }
        int trials = performance[0].length;
        if (trials < 2) {
            throw new IllegalArgumentException("overfitting needs at least 2 trials to choose from: " + trials);
        }
        for (double[] row : performance) {
            if (row.length != trials) {
                throw new IllegalArgumentException("every period needs one value per trial");
            }
        }
    }

    /** Rank of {@code chosen} among all trials, 1 = worst, ties averaged, scaled into (0, 1) as rank / (N + 1). */
    static double relativeRank(double[] values, int chosen) {
        double below = 0;
        double ties = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == chosen) {
                continue;
            }
            if (values[i] < values[chosen]) {
                below++;
            } else if (values[i] == values[chosen]) {
                ties++;
            }
        }
        double rank = 1.0 + below + ties / 2.0;
        return rank / (values.length + 1.0);
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double[] sharpe(Moments[] parts, int mask, int trials) {
        double[] result = new double[trials];
        for (int t = 0; t < trials; t++) {
            double n = 0;
            double sum = 0;
            double squares = 0;
            for (int p = 0; p < parts.length; p++) {
                if ((mask & (1 << p)) != 0) {
                    n += parts[p].count;
                    sum += parts[p].sums[t];
                    squares += parts[p].squares[t];
                }
            }
            double mean = sum / n;
            double variance = Math.max(0.0, (squares - n * mean * mean) / (n - 1));
            double stdev = Math.sqrt(variance);
            result[t] = stdev > 0 ? mean / stdev : mean == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, mean);
        }
        return result;
    }

    /** Per-partition sums so each combination costs S x N, not T x N. */
    private static Moments[] partitionMoments(double[][] performance, int partitions) {
        int rows = performance.length;
        int trials = performance[0].length;
        Moments[] parts = new Moments[partitions];
        int start = 0;
        for (int p = 0; p < partitions; p++) {
            int size = rows / partitions + (p < rows % partitions ? 1 : 0);
            double[] sums = new double[trials];
            double[] squares = new double[trials];
            for (int r = start; r < start + size; r++) {
                for (int t = 0; t < trials; t++) {
                    sums[t] += performance[r][t];
                    squares[t] += performance[r][t] * performance[r][t];
                }
            }
            parts[p] = new Moments(size, sums, squares);
            start += size;
        }
        return parts;
    }

    private record Moments(int count, double[] sums, double[] squares) {}
}
