package dev.peregrine.signal.domain.calibration;

/** How a {@link ConfidenceCalibration} maps the raw score to a probability. */
public enum CalibrationMethod {
    /** A non-decreasing step function fitted by pool-adjacent-violators (isotonic regression). */
    ISOTONIC,
    /** Platt scaling: {@code 1 / (1 + exp(a * score + b))}. */
    PLATT
}
