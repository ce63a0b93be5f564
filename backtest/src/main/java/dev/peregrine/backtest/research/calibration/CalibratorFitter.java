package dev.peregrine.backtest.research.calibration;

import java.util.List;

/** Fits a {@link Calibrator} on past (score, hit) pairs; what the walk-forward refit calls per training window. */
@FunctionalInterface
public interface CalibratorFitter {

    Calibrator fit(List<ScoredOutcome> training);
}
