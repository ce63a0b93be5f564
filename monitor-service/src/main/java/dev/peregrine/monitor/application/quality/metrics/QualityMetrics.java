package dev.peregrine.monitor.application.quality.metrics;

import dev.peregrine.common.event.Grade;
import dev.peregrine.monitor.domain.quality.QualityFigures;
import dev.peregrine.monitor.domain.quality.SampleQuality;
import java.time.Duration;
import java.time.Instant;

/** Where the periodically refreshed quality figures go (gauges); each call replaces the previous value. */
public interface QualityMetrics {

    /** One strategy's figures at one horizon over the lookback. */
    void strategy(String strategy, Duration horizon, QualityFigures figures);

    /** One grade's outcomes over every strategy at one horizon. */
    void grade(Grade grade, Duration horizon, SampleQuality quality);

    /** Kendall's τ of the grades against the realised hit rate and the mean net return (NaN below two grades). */
    void gradeOrder(Duration horizon, double hitRateTau, double returnTau);

    /** When the figures were last computed. */
    void refreshed(Instant at);
}
