package dev.peregrine.monitor.domain.report;

import dev.peregrine.monitor.domain.quality.BrierScore;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import dev.peregrine.monitor.domain.quality.QualityFigures;
import dev.peregrine.monitor.domain.quality.ReliabilityTable;
import dev.peregrine.monitor.domain.quality.SampleQuality;
import java.util.List;
import java.util.Optional;

/**
 * The outcome statistics a report gives for a slice, from the same statistics as {@code GET /api/v1/quality}: hit rate
 * with its 95 % Wilson interval, expectancy after costs, profit factor, maximum drawdown (sum of net returns, one unit
 * per outcome) and calibration (Brier skill, expected calibration error). NaN where undefined.
 */
public record OutcomeFigures(
        int count,
        long hits,
        double hitRate,
        double hitRateLower,
        double hitRateUpper,
        double expectancy,
        double profitFactor,
        double maxDrawdown,
        double brierSkill,
        double calibrationError) {

    /** Empty when there are no outcomes: a report says so rather than showing figures of nothing. */
    public static Optional<OutcomeFigures> of(List<MeasuredOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Optional.empty();
        }
        SampleQuality quality = SampleQuality.of(outcomes);
        QualityFigures figures = QualityFigures.of(quality, BrierScore.of(outcomes), ReliabilityTable.of(outcomes));
        return Optional.of(new OutcomeFigures(
                quality.count(),
                quality.hits(),
                figures.hitRate(),
                figures.hitRateLower(),
                figures.hitRateUpper(),
                figures.expectancy(),
                quality.returns().profitFactor(),
                quality.drawdown().depth(),
                figures.brierSkill(),
                figures.calibrationError()));
    }
}
