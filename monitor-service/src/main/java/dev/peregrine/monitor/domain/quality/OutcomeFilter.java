package dev.peregrine.monitor.domain.quality;

import dev.peregrine.common.event.Grade;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The slice of outcomes a quality question is about (the filters of {@code GET /api/v1/quality}); a null field
 * does not filter. The time window is half-open: {@code from <= time < to}.
 */
public record OutcomeFilter(String strategy, String symbol, Grade grade, String regime, Instant from, Instant to)
        implements Predicate<MeasuredOutcome> {

    public static OutcomeFilter all() {
        return new OutcomeFilter(null, null, null, null, null, null);
    }

    public OutcomeFilter withStrategy(String value) {
        return new OutcomeFilter(value, symbol, grade, regime, from, to);
    }

    public OutcomeFilter withSymbol(String value) {
        return new OutcomeFilter(strategy, value, grade, regime, from, to);
    }

    public OutcomeFilter withGrade(Grade value) {
        return new OutcomeFilter(strategy, symbol, value, regime, from, to);
    }

    public OutcomeFilter withRegime(String value) {
        return new OutcomeFilter(strategy, symbol, grade, value, from, to);
    }

    public OutcomeFilter within(Instant fromInclusive, Instant toExclusive) {
        return new OutcomeFilter(strategy, symbol, grade, regime, fromInclusive, toExclusive);
    }

    @Override
    public boolean test(MeasuredOutcome outcome) {
        return (strategy == null || strategy.equals(outcome.strategy()))
                && (symbol == null || symbol.equals(outcome.symbol()))
                && (grade == null || grade == outcome.grade())
                && (regime == null || regime.equals(outcome.regime()))
                && (from == null || !outcome.time().isBefore(from))
                && (to == null || outcome.time().isBefore(to));
    }

    /** The matching outcomes in time order, which the drawdown and the sequential rule rely on. */
    public List<MeasuredOutcome> apply(Collection<MeasuredOutcome> outcomes) {
        return outcomes.stream().filter(this).sorted(OutcomeSlices.BY_TIME).toList();
    }
}
