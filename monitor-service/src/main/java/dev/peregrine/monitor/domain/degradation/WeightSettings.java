package dev.peregrine.monitor.domain.degradation;

/**
 * The knobs of the weight proposal.
 *
 * @param fullWeightExpectancy shrunk lower bound of the expectancy (fraction per trade) that earns weight 1
 * @param priorStrength        n₀: pseudo-outcomes of zero edge the mean is shrunk with, mean·n/(n + n₀)
 * @param confidence           one-sided confidence of the lower bound, e.g. 0.90 → z = 1.2816
 * @param minimumSample        outcomes needed before any proposal
 * @param neutralWeight        the weight advised while the sample is too small (no change from the default)
 */
public record WeightSettings(
        double fullWeightExpectancy, double priorStrength, double confidence, int minimumSample, double neutralWeight) {

    public static final WeightSettings DEFAULTS = new WeightSettings(0.002, 50, 0.90, 30, 1.0);

    public WeightSettings {
        if (!(fullWeightExpectancy > 0)) {
            throw new IllegalArgumentException("fullWeightExpectancy must be > 0: " + fullWeightExpectancy);
        }
        if (!(priorStrength >= 0)) {
            throw new IllegalArgumentException("priorStrength must be >= 0: " + priorStrength);
        }
        if (!(confidence >= 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be within [0.5, 1): " + confidence);
        }
        if (minimumSample < 2) {
            throw new IllegalArgumentException("minimumSample must be >= 2: " + minimumSample);
        }
        if (!(neutralWeight >= 0 && neutralWeight <= 1)) {
            throw new IllegalArgumentException("neutralWeight must be within [0, 1]: " + neutralWeight);
        }
    }
}
