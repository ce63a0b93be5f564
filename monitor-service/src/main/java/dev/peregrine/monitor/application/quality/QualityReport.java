package dev.peregrine.monitor.application.quality;

import dev.peregrine.monitor.domain.quality.BrierScore;
import dev.peregrine.monitor.domain.quality.GradeMonotonicity;
import dev.peregrine.monitor.domain.quality.ReliabilityTable;
import dev.peregrine.monitor.domain.quality.SampleQuality;
import java.util.Map;

/**
 * The answer to a quality question: the whole slice, then per group (strategy, grade, symbol or regime), with the
 * calibration of the validation's confidence and whether grades are monotone in outcome.
 *
 * @param truncated true when more outcomes matched than one question reads ({@link MeasuredOutcomes#MAX_OUTCOMES})
 */
public record QualityReport(
        OutcomeQuery query,
        String groupedBy,
        SampleQuality overall,
        Map<String, SampleQuality> groups,
        ReliabilityTable calibration,
        BrierScore brier,
        GradeMonotonicity grades,
        boolean truncated) {}
