package dev.peregrine.monitor.domain.degradation;

import dev.peregrine.monitor.domain.quality.NormalDistribution;
import dev.peregrine.monitor.domain.quality.SampleMoments;

/**
 * Proposes a weight per strategy from its net returns: weight = clip(L / E_full, 0, 1) with
 * L = mean·n/(n + n₀) − z_conf·s/√n, a lower confidence bound of an expectancy shrunk towards zero edge. A strategy
 * is weighted by the edge it has shown with confidence, so a short lucky streak or a noisy one earns little.
 */
public final class WeightProposal {

    private WeightProposal() {}

    public static WeightAdvice propose(String strategy, double[] netReturns, WeightSettings settings) {
        SampleMoments moments = SampleMoments.of(netReturns);
        int n = moments.count();
        if (n < settings.minimumSample()) {
            return new WeightAdvice(
                    strategy,
                    settings.neutralWeight(),
                    WeightAdvice.Basis.INSUFFICIENT_SAMPLE,
                    n,
                    moments.mean(),
                    Double.NaN,
                    Double.NaN);
        }
        double shrunk = moments.mean() * n / (n + settings.priorStrength());
        double lower = shrunk - NormalDistribution.quantile(settings.confidence()) * moments.standardError();
        double weight = Math.max(0, Math.min(1, lower / settings.fullWeightExpectancy()));
        return new WeightAdvice(strategy, weight, WeightAdvice.Basis.MEASURED, n, moments.mean(), shrunk, lower);
    }
}
