package dev.peregrine.monitor.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Grade;
import dev.peregrine.monitor.domain.quality.QualityFigures;
import dev.peregrine.monitor.domain.quality.SampleQuality;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrometerQualityMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerQualityMetrics metrics = new MicrometerQualityMetrics(registry);

    @Test
    void aStrategyIsOneSeriesPerFigureAndHorizonHoldingTheLatestValue() {
        QualityFigures first = new QualityFigures(10, 0.7, 0.4, 0.9, 0.004, -0.003, 0.011, -0.05, -0.1, 0.1);
        metrics.strategy("momentum", Duration.ofHours(4), first);
        metrics.strategy("momentum", Duration.ofHours(4), QualityFigures.EMPTY);
        metrics.strategy("momentum", Duration.ofHours(1), first);

        assertThat(registry.get("peregrine.monitor.quality.hit.rate")
                        .tag("strategy", "momentum")
                        .tag("horizon", "PT1H")
                        .gauge()
                        .value())
                .isEqualTo(0.7);
        assertThat(registry.get("peregrine.monitor.quality.sample.size")
                        .tag("horizon", "PT4H")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get("peregrine.monitor.quality.expectancy")
                        .tag("horizon", "PT4H")
                        .gauge()
                        .value())
                .isNaN();
        for (String name : MicrometerQualityMetrics.STRATEGY_GAUGES) {
            assertThat(registry.find("peregrine.monitor.quality." + name).gauges())
                    .as(name)
                    .hasSize(2);
        }
        assertThat(registry.get("peregrine.monitor.quality.calibration.gap")
                        .tag("horizon", "PT1H")
                        .gauge()
                        .value())
                .isEqualTo(-0.1);
    }

    @Test
    void gradesAndTheirOrderAreSeriesPerGradeAndHorizon() {
        metrics.grade(Grade.A, Duration.ofHours(4), SampleQuality.of(List.of()));
        metrics.gradeOrder(Duration.ofHours(4), -1.0, 0.5);
        metrics.refreshed(Instant.ofEpochSecond(1_800_000_000L));

        assertThat(registry.get("peregrine.monitor.quality.grade.sample.size")
                        .tag("grade", "A")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get("peregrine.monitor.quality.grade.kendall.tau")
                        .tag("measure", "hit_rate")
                        .gauge()
                        .value())
                .isEqualTo(-1.0);
        assertThat(registry.get("peregrine.monitor.quality.grade.kendall.tau")
                        .tag("measure", "net_return")
                        .gauge()
                        .value())
                .isEqualTo(0.5);
        assertThat(registry.get("peregrine.monitor.quality.refreshed").gauge().value())
                .isEqualTo(1.8e9);
    }
}
