package dev.peregrine.monitor.application.quality;

import dev.peregrine.monitor.domain.comparison.AbComparison;

/** Signal quality and A/B comparisons from the measured outcomes. */
public interface QueryQuality {

    /** @param groupBy strategy, grade, symbol or regime */
    QualityReport quality(OutcomeQuery query, String groupBy);

    /** Strategy {@code a} against {@code b} over the same window and horizon (differences are b - a). */
    Comparison compare(OutcomeQuery query, String a, String b);

    /**
     * Advice only: a weight per strategy from its measured outcomes (a shrunk lower confidence bound of its
     * expectancy). Nothing is sent to signal-service; an operator applies a weight with {@code SetStrategyWeight}.
     */
    java.util.List<dev.peregrine.monitor.domain.degradation.WeightAdvice> advice(OutcomeQuery query);

    /** A comparison and the sample sizes it stands on. */
    record Comparison(String a, String b, int countA, int countB, AbComparison result) {}
}
