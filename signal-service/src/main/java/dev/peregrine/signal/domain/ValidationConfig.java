package dev.peregrine.signal.domain;

/**
 * Tuning of {@link SignalValidator}.
 *
 * @param fullRegimeWeight     regime weight at and above which an analyst fits the regime fully
 *                             ({@code regimeFit = min(1, regimeWeight / fullRegimeWeight)})
 * @param volatilityThreshold  volatility ratio (current / normal) above which the size multiplier is damped; &gt;= 1
 * @param minVolatilityDamping 0-1: the damping never goes below this, however extreme the volatility, so the
 *                             grade and the verdict, not the volatility alone, decide whether to trade
 */
public record ValidationConfig(double fullRegimeWeight, double volatilityThreshold, double minVolatilityDamping) {

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
    }

    /** Full fit at regime weight 1, damping above twice the normal volatility, never below a quarter. */
    public static ValidationConfig defaults() {
        return new ValidationConfig(
                DEFAULT_FULL_REGIME_WEIGHT, DEFAULT_VOLATILITY_THRESHOLD, DEFAULT_MIN_VOLATILITY_DAMPING);
    }
}
