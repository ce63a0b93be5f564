package dev.peregrine.backtest.research.calibration;

/** A fitted map from a raw score to the probability that a signal with that score hits. */
public interface Calibrator {

    double probability(double score);
}
