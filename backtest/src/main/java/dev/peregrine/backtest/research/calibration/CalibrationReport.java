package dev.peregrine.backtest.research.calibration;

import java.util.List;

/**
 * Out-of-sample calibration of a walk-forward refit: every figure comes from test windows only.
 *
 * @param folds          per fold: sizes, the training base rate and the test Brier score and skill
 * @param predictions    test-window signals scored
 * @param hitRate        their observed hit rate
 * @param brier          their Brier score
 * @param referenceBrier Brier score of predicting each fold's training base rate
 * @param brierSkill     1 - brier / referenceBrier; above 0 = better than the base rate
 * @param reliability    reliability table of all test-window predictions
 */
public record CalibrationReport(
        List<Fold> folds,
        int predictions,
        double hitRate,
        double brier,
        double referenceBrier,
        double brierSkill,
        ReliabilityTable reliability) {

    public CalibrationReport {
        folds = List.copyOf(folds);
    }

    /** A fold without training or test signals has null figures. */
    public record Fold(
            int index,
            int trainSignals,
            int testSignals,
            Double trainBaseRate,
            Double testBrier,
            Double testBrierSkill) {}
}
