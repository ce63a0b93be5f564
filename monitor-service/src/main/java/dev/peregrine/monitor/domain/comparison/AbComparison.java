package dev.peregrine.monitor.domain.comparison;

import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * The answer to {@code GET /api/v1/comparisons}: arm B against arm A (B − A) on hit rate and mean net return, each
 * with its test, confidence interval and the sample size per arm needed to detect the observed difference.
 * Matching the periods is the caller's job (slice both arms with the same window first).
 *
 * @param sampleSizeForHitRate    per arm, for the observed hit rates; empty when they are equal or an arm is empty
 * @param sampleSizeForMeanReturn per arm, for the observed mean difference and standard deviations; empty when
 *                                undefined (equal means, or an arm with fewer than two outcomes)
 */
public record AbComparison(
        ProportionDifference hitRate,
        WelchTest meanReturn,
        double alpha,
        double power,
        OptionalLong sampleSizeForHitRate,
        OptionalLong sampleSizeForMeanReturn) {

    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_POWER = 0.80;

    public static AbComparison compare(Collection<MeasuredOutcome> a, Collection<MeasuredOutcome> b) {
        return compare(a, b, DEFAULT_ALPHA, DEFAULT_POWER);
    }

    public static AbComparison compare(
            Collection<MeasuredOutcome> a, Collection<MeasuredOutcome> b, double alpha, double power) {
        double confidence = 1 - alpha;
        ProportionDifference hitRate = ProportionDifference.of(hits(a), a.size(), hits(b), b.size(), confidence);
        WelchTest meanReturn = WelchTest.of(returns(a), returns(b), confidence);
        OptionalLong hitSize = a.isEmpty() || b.isEmpty()
                ? OptionalLong.empty()
                : RequiredSampleSize.forProportions(hitRate.rateA(), hitRate.rateB(), alpha, power);
        OptionalLong returnSize = Double.isNaN(meanReturn.standardError())
                ? OptionalLong.empty()
                : RequiredSampleSize.forMeans(
                        meanReturn.difference(),
                        meanReturn.a().standardDeviation(),
                        meanReturn.b().standardDeviation(),
                        alpha,
                        power);
        return new AbComparison(hitRate, meanReturn, alpha, power, hitSize, returnSize);
    }

    private static long hits(Collection<MeasuredOutcome> outcomes) {
        return outcomes.stream().filter(MeasuredOutcome::hit).count();
    }

    private static double[] returns(Collection<MeasuredOutcome> outcomes) {
        return outcomes.stream().mapToDouble(MeasuredOutcome::netReturn).toArray();
    }
}
