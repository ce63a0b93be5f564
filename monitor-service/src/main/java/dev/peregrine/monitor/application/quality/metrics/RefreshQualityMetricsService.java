package dev.peregrine.monitor.application.quality.metrics;

import dev.peregrine.common.event.Grade;
import dev.peregrine.monitor.application.quality.MeasuredOutcomes;
import dev.peregrine.monitor.application.quality.OutcomeQuery;
import dev.peregrine.monitor.application.quality.QualityAnalysis;
import dev.peregrine.monitor.application.quality.QualityReport;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import dev.peregrine.monitor.domain.quality.OutcomeFilter;
import dev.peregrine.monitor.domain.quality.OutcomeSlices;
import dev.peregrine.monitor.domain.quality.QualityFigures;
import dev.peregrine.monitor.domain.quality.SampleQuality;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes, for every configured horizon, the quality of each strategy and each grade over the outcomes of the last
 * {@code lookback} (by signal time, as {@code GET /api/v1/quality?from=now-lookback&horizon=…}), with the same
 * {@link QualityAnalysis}, and hands the figures to the gauges. A strategy with outcomes at the horizon but none in
 * the lookback gets {@link QualityFigures#EMPTY} (sample size 0, figures NaN) rather than its last, stale figures.
 * Labels stay bounded: strategies × horizons, grades × horizons.
 */
public final class RefreshQualityMetricsService implements RefreshQualityMetrics {

    private static final Logger log = LoggerFactory.getLogger(RefreshQualityMetricsService.class);

    private final MeasuredOutcomes outcomes;
    private final QualityMetrics metrics;
    private final List<Duration> horizons;
    private final Duration lookback;
    private final Clock clock;

    /** @param lookback how far back from now the outcomes count; zero counts every stored outcome */
    public RefreshQualityMetricsService(
            MeasuredOutcomes outcomes,
            QualityMetrics metrics,
            List<Duration> horizons,
            Duration lookback,
            Clock clock) {
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.horizons = List.copyOf(horizons);
        this.lookback = Objects.requireNonNull(lookback, "lookback");
        if (lookback.isNegative()) {
            throw new IllegalArgumentException("lookback must not be negative: " + lookback);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int refresh() {
        Instant now = clock.instant();
        OutcomeFilter window = OutcomeFilter.all().within(lookback.isZero() ? null : now.minus(lookback), null);
        int series = 0;
        for (Duration horizon : horizons) {
            series += refresh(new OutcomeQuery(horizon, window));
        }
        metrics.refreshed(now);
        return series;
    }

    private int refresh(OutcomeQuery query) {
        Duration horizon = query.horizon();
        List<MeasuredOutcome> slice = outcomes.find(query);
        QualityReport byGrade = QualityAnalysis.report(query, "grade", slice);
        if (byGrade.truncated()) {
            log.warn(
                    "Quality metrics at {} read only the first {} outcomes of the lookback: shorten "
                            + "peregrine.monitor.quality-metrics.lookback",
                    horizon,
                    MeasuredOutcomes.MAX_OUTCOMES);
        }
        for (Grade grade : Grade.values()) {
            SampleQuality quality = byGrade.groups().get(grade.name());
            metrics.grade(grade, horizon, quality != null ? quality : SampleQuality.of(List.of()));
        }
        metrics.gradeOrder(
                horizon, byGrade.grades().hitRateKendallTau(), byGrade.grades().returnKendallTau());

        Map<String, List<MeasuredOutcome>> byStrategy = OutcomeSlices.byStrategy(slice);
        Set<String> strategies = new TreeSet<>(outcomes.strategies(horizon));
        strategies.addAll(byStrategy.keySet());
        for (String strategy : strategies) {
            List<MeasuredOutcome> own = byStrategy.getOrDefault(strategy, List.of());
            QualityReport report = QualityAnalysis.report(
                    new OutcomeQuery(horizon, query.filter().withStrategy(strategy)), "strategy", own);
            metrics.strategy(
                    strategy, horizon, QualityFigures.of(report.overall(), report.brier(), report.calibration()));
        }
        return strategies.size();
    }
}
