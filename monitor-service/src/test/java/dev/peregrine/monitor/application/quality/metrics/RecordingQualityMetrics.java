package dev.peregrine.monitor.application.quality.metrics;

import dev.peregrine.common.event.Grade;
import dev.peregrine.monitor.domain.quality.QualityFigures;
import dev.peregrine.monitor.domain.quality.SampleQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Keeps the latest figures handed to the gauges. */
final class RecordingQualityMetrics implements QualityMetrics {

    final Map<String, QualityFigures> strategies = new HashMap<>();
    final Map<String, SampleQuality> grades = new HashMap<>();
    final Map<Duration, double[]> gradeOrder = new HashMap<>();
    Instant refreshedAt;

    @Override
    public void strategy(String strategy, Duration horizon, QualityFigures figures) {
        strategies.put(strategy + "@" + horizon, figures);
    }

    @Override
    public void grade(Grade grade, Duration horizon, SampleQuality quality) {
        grades.put(grade + "@" + horizon, quality);
    }

    @Override
    public void gradeOrder(Duration horizon, double hitRateTau, double returnTau) {
        gradeOrder.put(horizon, new double[] {hitRateTau, returnTau});
    }

    @Override
    public void refreshed(Instant at) {
        refreshedAt = at;
    }
}
