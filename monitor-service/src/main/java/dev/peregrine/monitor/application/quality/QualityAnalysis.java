package dev.peregrine.monitor.application.quality;

import dev.peregrine.monitor.domain.quality.BrierScore;
import dev.peregrine.monitor.domain.quality.GradeMonotonicity;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import dev.peregrine.monitor.domain.quality.OutcomeSlices;
import dev.peregrine.monitor.domain.quality.ReliabilityTable;
import dev.peregrine.monitor.domain.quality.SampleQuality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one computation behind a {@link QualityReport}: {@code GET /api/v1/quality} and the quality gauges both call it,
 * so a gauge and the REST answer over the same outcomes are the same number.
 */
public final class QualityAnalysis {

    private QualityAnalysis() {}

    /**
     * @param groupBy strategy, grade, symbol or regime
     * @param slice   the outcomes {@code query} selected
     */
    public static QualityReport report(OutcomeQuery query, String groupBy, List<MeasuredOutcome> slice) {
        Map<String, SampleQuality> groups = new LinkedHashMap<>();
        switch (groupBy) {
            case "strategy" -> OutcomeSlices.byStrategy(slice).forEach((k, v) -> groups.put(k, SampleQuality.of(v)));
            case "symbol" -> OutcomeSlices.bySymbol(slice).forEach((k, v) -> groups.put(k, SampleQuality.of(v)));
            case "regime" -> OutcomeSlices.byRegime(slice).forEach((k, v) -> groups.put(k, SampleQuality.of(v)));
            case "grade" -> OutcomeSlices.byGrade(slice).forEach((k, v) -> groups.put(k.name(), SampleQuality.of(v)));
            default ->
                throw new IllegalArgumentException(
                        "groupBy must be strategy, grade, symbol or regime: '" + groupBy + "'");
        }
        return new QualityReport(
                query,
                groupBy,
                SampleQuality.of(slice),
                groups,
                ReliabilityTable.of(slice),
                BrierScore.of(slice),
                GradeMonotonicity.of(slice),
                slice.size() >= MeasuredOutcomes.MAX_OUTCOMES);
    }
}
