package dev.peregrine.monitor.domain.quality;

import java.util.Collection;
import java.util.List;

/**
 * Everything part 2 of the monitor reports for one slice of outcomes (a strategy, a grade, a symbol, a regime, a
 * window): how often it hits, with how much certainty, what it earns per signal after costs and how that earning is
 * distributed over time.
 *
 * @param expectancy      mean net return per outcome (costs are already in the returns)
 * @param ratios          per-trade Sharpe and Sortino, see {@link RiskAdjustedRatios}
 * @param drawdown        on the outcomes in time order, see {@link MaximumDrawdown}
 * @param averageStrength mean strength score 0..100, NaN when empty
 */
public record SampleQuality(
        int count,
        long hits,
        WilsonInterval hitRate,
        ReturnDistribution returns,
        double expectancy,
        RiskAdjustedRatios ratios,
        MaximumDrawdown drawdown,
        double averageStrength) {

    public static final double DEFAULT_CONFIDENCE = 0.95;

    public static SampleQuality of(Collection<MeasuredOutcome> outcomes) {
        return of(outcomes, DEFAULT_CONFIDENCE);
    }

    public static SampleQuality of(Collection<MeasuredOutcome> outcomes, double confidence) {
        List<MeasuredOutcome> ordered =
                outcomes.stream().sorted(OutcomeSlices.BY_TIME).toList();
        double[] returns = OutcomeSlices.netReturns(ordered);
        long hits = ordered.stream().filter(MeasuredOutcome::hit).count();
        ReturnDistribution distribution = ReturnDistribution.of(returns);
        return new SampleQuality(
                ordered.size(),
                hits,
                WilsonInterval.of(hits, ordered.size(), confidence),
                distribution,
                distribution.mean(),
                RiskAdjustedRatios.perTrade(returns),
                MaximumDrawdown.of(returns),
                ordered.stream()
                        .mapToDouble(MeasuredOutcome::strength)
                        .average()
                        .orElse(Double.NaN));
    }
}
