package dev.peregrine.backtest.ml;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How well probabilities rank and fit binary outcomes: ROC AUC (ties share their rank), log-loss, the base rate and the
 * log-loss of always predicting the base rate (what a model must beat to be worth anything).
 *
 * @param rows            rows measured
 * @param positives       rows labelled 1
 * @param auc             the chance that a random positive is scored above a random negative (0.5 = no ranking)
 * @param logLoss         mean {@code -log p(label)}
 * @param baselineLogLoss the log-loss of the constant prediction {@code baseRate}
 */
public record ClassifierMetrics(
        int rows, int positives, double auc, double logLoss, double baseRate, double baselineLogLoss) {

    private static final double EPS = 1e-15;

    public static ClassifierMetrics of(double[] probabilities, float[] labels) {
        if (probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("need as many probabilities as labels, at least one: "
                    + probabilities.length + " vs " + labels.length);
        }
        int n = labels.length;
        int positives = 0;
        double logLoss = 0;
        for (int i = 0; i < n; i++) {
            positives += labels[i] > 0.5f ? 1 : 0;
            double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
            logLoss -= labels[i] > 0.5f ? Math.log(p) : Math.log(1 - p);
        }
        double baseRate = positives / (double) n;
        double b = Math.min(1 - EPS, Math.max(EPS, baseRate));
        double baseline = -(baseRate * Math.log(b) + (1 - baseRate) * Math.log(1 - b));
        return new ClassifierMetrics(
                n, positives, auc(probabilities, labels, positives), logLoss / n, baseRate, baseline);
    }

    /** Mann-Whitney: (sum of the positives' ranks - P(P+1)/2) / (P x N), with average ranks for ties. */
    static double auc(double[] probabilities, float[] labels, int positives) {
        int n = labels.length;
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> probabilities[i]));
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && probabilities[order[j + 1]] == probabilities[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] > 0.5f) {
                    rankSum += averageRank;
                }
            }
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
