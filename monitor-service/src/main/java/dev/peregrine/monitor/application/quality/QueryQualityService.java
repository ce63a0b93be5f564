package dev.peregrine.monitor.application.quality;

import dev.peregrine.monitor.domain.comparison.AbComparison;
import dev.peregrine.monitor.domain.degradation.WeightAdvice;
import dev.peregrine.monitor.domain.degradation.WeightProposal;
import dev.peregrine.monitor.domain.degradation.WeightSettings;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import dev.peregrine.monitor.domain.quality.OutcomeSlices;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads the outcomes a question is about and hands them to the statistics; computes nothing itself. */
public final class QueryQualityService implements QueryQuality {

    private final MeasuredOutcomes outcomes;

    public QueryQualityService(MeasuredOutcomes outcomes) {
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }

    @Override
    public QualityReport quality(OutcomeQuery query, String groupBy) {
        return QualityAnalysis.report(query, groupBy, outcomes.find(query));
    }

    @Override
    public List<WeightAdvice> advice(OutcomeQuery query) {
        List<WeightAdvice> advice = new ArrayList<>();
        OutcomeSlices.byStrategy(outcomes.find(query))
                .forEach((strategy, slice) -> advice.add(WeightProposal.propose(
                        strategy,
                        slice.stream().mapToDouble(MeasuredOutcome::netReturn).toArray(),
                        WeightSettings.DEFAULTS)));
        return advice;
    }

    @Override
    public Comparison compare(OutcomeQuery query, String a, String b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        List<MeasuredOutcome> first =
                outcomes.find(new OutcomeQuery(query.horizon(), query.filter().withStrategy(a)));
        List<MeasuredOutcome> second =
                outcomes.find(new OutcomeQuery(query.horizon(), query.filter().withStrategy(b)));
        return new Comparison(a, b, first.size(), second.size(), AbComparison.compare(first, second));
    }
}
