package dev.peregrine.signal.domain;

import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import dev.peregrine.signal.domain.calibration.GradeCutoffs;
import java.util.Objects;
import java.util.Optional;

/**
 * Tuning of {@link SignalValidator}.
 *
 * @param fullRegimeWeight     regime weight at and above which an analyst fits the regime fully
 *                             ({@code regimeFit = min(1, regimeWeight / fullRegimeWeight)})
 * @param volatilityThreshold  volatility ratio (current / normal) above which the size multiplier is damped; &gt;= 1
 * @param minVolatilityDamping 0-1: the damping never goes below this, however extreme the volatility, so the
 *                             grade and the verdict, not the volatility alone, decide whether to trade
 * @param minConfidence        0-1: a signal whose confidence is below it is SKIP ({@code BELOW_MIN_CONFIDENCE});
 *                             0 turns the rule off (the default; the seed's value is 0.70)
 * @param targetConfidence     0-1: below it a signal's size is scaled by confidence / target, at or above it the
 *                             grade's full size stands ({@code BELOW_TARGET_CONFIDENCE}); 0 turns it off (the
 *                             default; the seed's value is 0.85); otherwise at least {@code minConfidence}
 * @param gradeCutoffs         the grades on a calibrated confidence (only used with a calibration)
 * @param calibration          the raw score's fitted probability of a hit; empty: confidence = strength / 100
 */
public record ValidationConfig(
        double fullRegimeWeight,
        double volatilityThreshold,
        double minVolatilityDamping,
        double minConfidence,
        double targetConfidence,
        GradeCutoffs gradeCutoffs,
        Optional<ConfidenceCalibration> calibration) {

    public static final double DEFAULT_FULL_REGIME_WEIGHT = 1.0;
    public static final double DEFAULT_VOLATILITY_THRESHOLD = 2.0;
    public static final double DEFAULT_MIN_VOLATILITY_DAMPING = 0.25;

    public ValidationConfig {
        if (!(fullRegimeWeight > 0.0) || !Double.isFinite(fullRegimeWeight)) {
            throw new IllegalArgumentException("fullRegimeWeight must be finite and above 0: " + fullRegimeWeight);
        }
        if (!(volatilityThreshold >= 1.0) || !Double.isFinite(volatilityThreshold)) {
            throw new IllegalArgumentException(
                    "volatilityThreshold is a ratio to normal volatility, finite and >= 1: " + volatilityThreshold);
        }
        if (!(minVolatilityDamping > 0.0 && minVolatilityDamping <= 1.0)) {
            throw new IllegalArgumentException("minVolatilityDamping must be within (0, 1]: " + minVolatilityDamping);
        }
        if (!(minConfidence >= 0.0 && minConfidence < 1.0)) {
            throw new IllegalArgumentException(
                    "minConfidence is a probability within [0, 1), 0 = off (seed 0.70): " + minConfidence);
        }
        if (!(targetConfidence == 0.0 || (targetConfidence >= minConfidence && targetConfidence <= 1.0))) {
            throw new IllegalArgumentException(
                    ("targetConfidence is 0 (off) or a probability from minConfidence %s " + "to 1 (seed 0.85): %s")
                            .formatted(minConfidence, targetConfidence));
        }
        Objects.requireNonNull(gradeCutoffs, "gradeCutoffs");
        Objects.requireNonNull(calibration, "calibration");
    }

    /** The rules as before calibration: no confidence floor or target, grades on strength. */
    public ValidationConfig(double fullRegimeWeight, double volatilityThreshold, double minVolatilityDamping) {
        this(
                fullRegimeWeight,
                volatilityThreshold,
                minVolatilityDamping,
                0.0,
                0.0,
                GradeCutoffs.DEFAULTS,
                Optional.empty());
    }

    /** Full fit at regime weight 1, damping above twice the normal volatility, never below a quarter. */
    public static ValidationConfig defaults() {
        return new ValidationConfig(
                DEFAULT_FULL_REGIME_WEIGHT, DEFAULT_VOLATILITY_THRESHOLD, DEFAULT_MIN_VOLATILITY_DAMPING);
    }

    /** These rules with a confidence floor and target (each 0 = off). */
    public ValidationConfig withConfidenceRule(double min, double target) {
        return new ValidationConfig(
                fullRegimeWeight, volatilityThreshold, minVolatilityDamping, min, target, gradeCutoffs, calibration);
    }

    /** These rules with a calibration (empty: uncalibrated) and the grade cut-offs on its probability. */
    public ValidationConfig withCalibration(Optional<ConfidenceCalibration> calibration, GradeCutoffs cutoffs) {
        return new ValidationConfig(
                fullRegimeWeight,
                volatilityThreshold,
                minVolatilityDamping,
                minConfidence,
                targetConfidence,
                cutoffs,
                calibration);
    }
}
