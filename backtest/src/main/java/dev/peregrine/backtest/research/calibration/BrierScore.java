package dev.peregrine.backtest.research.calibration;

import java.util.List;

/**
 * The Brier score (mean squared error of probabilities against 0/1 outcomes) and its skill against always
 * predicting a base rate: BSS = 1 - Brier / Brier(base rate). BSS above 0 means the probabilities carry information
 * beyond the hit rate; for an honest figure the base rate comes from the training data, not the judged sample.
 */
public final class BrierScore {

    private BrierScore() {}

    public static double of(List<Prediction> predictions) {
        requireSome(predictions);
        double sum = 0;
        for (Prediction p : predictions) {
            double d = p.probability() - p.outcome();
            sum += d * d;
        }
        return sum / predictions.size();
    }

    /** Brier score of predicting {@code baseRate} for every one of the outcomes. */
    public static double ofConstant(List<Prediction> predictions, double baseRate) {
        requireSome(predictions);
        double sum = 0;
        for (Prediction p : predictions) {
            double d = baseRate - p.outcome();
            sum += d * d;
        }
        return sum / predictions.size();
    }

    /** Skill against a base rate; NaN when the reference is perfect (all outcomes equal the base rate). */
    public static double skill(List<Prediction> predictions, double baseRate) {
        double reference = ofConstant(predictions, baseRate);
        return reference == 0.0 ? Double.NaN : 1.0 - of(predictions) / reference;
    }

    /** Observed hit rate of the predictions' outcomes. */
    public static double hitRate(List<Prediction> predictions) {
        requireSome(predictions);
        return predictions.stream().mapToDouble(Prediction::outcome).average().orElseThrow();
    }

    private static void requireSome(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("a Brier score needs at least one prediction");
        }
    }
}
