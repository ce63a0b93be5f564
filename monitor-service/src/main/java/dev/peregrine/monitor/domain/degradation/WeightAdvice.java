package dev.peregrine.monitor.domain.degradation;

/**
 * A proposed weight for one strategy with the numbers it came from; advice only — applying it is an operator's
 * switch in signal-service.
 *
 * @param weight          in [0, 1]
 * @param shrunkMean      mean·n/(n + n₀), NaN while the sample is too small
 * @param lowerBound      shrunkMean − z·s/√n, NaN while the sample is too small
 */
public record WeightAdvice(
        String strategy,
        double weight,
        Basis basis,
        int sampleSize,
        double mean,
        double shrunkMean,
        double lowerBound) {

    public enum Basis {
        MEASURED,
        INSUFFICIENT_SAMPLE
    }
}
