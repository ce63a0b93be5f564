package dev.peregrine.monitor.domain.degradation;

/**
 * The knobs of the CUSUM degradation rule. Statistic and thresholds are in units of the strategy's own standard
 * deviation per trade, so one set of defaults serves strategies of different volatility.
 *
 * @param minimumExpectancy  net return per trade a strategy must at least earn (fraction; 0 = must not lose)
 * @param allowance          k: slack per trade, in standard deviations, before a shortfall accumulates
 * @param decisionThreshold  h: the statistic at or above which the strategy is degraded
 * @param recoveryThreshold  the statistic at or below which a degraded strategy counts as recovered (hysteresis;
 *                           below h so that the verdict does not flap around one value)
 * @param minimumSample      outcomes needed before any verdict; they also give the first volatility estimate
 */
public record DegradationSettings(
        double minimumExpectancy,
        double allowance,
        double decisionThreshold,
        double recoveryThreshold,
        int minimumSample) {

    /** Calibrated with {@link DegradationSimulator}; see docs/monitoring.md for the runs. */
    public static final DegradationSettings DEFAULTS = new DegradationSettings(0.0, 0.15, 24.0, 12.0, 30);

    public DegradationSettings {
        if (!Double.isFinite(minimumExpectancy)) {
            throw new IllegalArgumentException("minimumExpectancy must be finite: " + minimumExpectancy);
        }
        if (!(allowance >= 0)) {
            throw new IllegalArgumentException("allowance must be >= 0: " + allowance);
        }
        if (!(decisionThreshold > 0)) {
            throw new IllegalArgumentException("decisionThreshold must be > 0: " + decisionThreshold);
        }
        if (!(recoveryThreshold >= 0 && recoveryThreshold < decisionThreshold)) {
            throw new IllegalArgumentException(
                    "recoveryThreshold must be within [0, decisionThreshold): " + recoveryThreshold);
        }
        if (minimumSample < 2) {
            throw new IllegalArgumentException("minimumSample must be >= 2: " + minimumSample);
        }
    }
}
