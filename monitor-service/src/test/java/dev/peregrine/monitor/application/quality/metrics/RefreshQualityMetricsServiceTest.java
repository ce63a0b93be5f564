package dev.peregrine.monitor.application.quality.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Grade;
import dev.peregrine.monitor.application.quality.OutcomeQuery;
import dev.peregrine.monitor.application.quality.QualityReport;
import dev.peregrine.monitor.application.quality.QueryQualityService;
import dev.peregrine.monitor.domain.quality.MeasuredOutcome;
import dev.peregrine.monitor.domain.quality.OutcomeFilter;
import dev.peregrine.monitor.domain.quality.QualityFigures;
import dev.peregrine.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshQualityMetricsServiceTest {

    private static final Duration H1 = Duration.ofHours(1);
    private static final Duration H4 = Duration.ofHours(4);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final InMemoryMeasuredOutcomes outcomes = new InMemoryMeasuredOutcomes();
    private final RecordingQualityMetrics metrics = new RecordingQualityMetrics();
    private final MutableClock clock = new MutableClock(NOW);
    private final RefreshQualityMetricsService refresh =
            new RefreshQualityMetricsService(outcomes, metrics, List.of(H1, H4), Duration.ofDays(30), clock);

    @Test
    void eachStrategyAndHorizonGetsTheFiguresTheQualityEndpointGivesForTheSameWindow() {
        // momentum: 7 hits in 10 at 4 h, two days ago; an older loss outside the 30-day lookback must not count.
        for (int i = 0; i < 10; i++) {
            outcomes.add(
                    H4,
                    outcome(
                            "momentum",
                            Grade.A,
                            i < 7 ? 0.01 : -0.01,
                            NOW.minus(Duration.ofDays(2)).plusSeconds(i)));
        }
        outcomes.add(H4, outcome("momentum", Grade.A, -0.5, NOW.minus(Duration.ofDays(31))));
        outcomes.add(H4, outcome("breakout", Grade.F, 0.02, NOW.minus(Duration.ofHours(5))));

        assertThat(refresh.refresh()).isEqualTo(2);

        QualityFigures momentum = metrics.strategies.get("momentum@PT4H");
        assertThat(momentum.sampleSize()).isEqualTo(10);
        assertThat(momentum.hitRate()).isEqualTo(0.7);
        assertThat(momentum.expectancy()).isCloseTo(0.004, org.assertj.core.data.Offset.offset(1e-12));
        QualityReport rest = new QueryQualityService(outcomes)
                .quality(
                        new OutcomeQuery(
                                H4,
                                OutcomeFilter.all()
                                        .withStrategy("momentum")
                                        .within(NOW.minus(Duration.ofDays(30)), null)),
                        "strategy");
        assertThat(momentum).isEqualTo(QualityFigures.of(rest.overall(), rest.brier(), rest.calibration()));

        assertThat(metrics.grades.get("A@PT4H").count()).isEqualTo(10);
        assertThat(metrics.grades.get("F@PT4H").count()).isEqualTo(1);
        assertThat(metrics.grades.get("C@PT4H").count()).isZero();
        assertThat(metrics.gradeOrder).containsKeys(H1, H4);
        assertThat(metrics.refreshedAt).isEqualTo(NOW);
        // Nothing measured at 1 h: no strategy series there, the grades say 0.
        assertThat(metrics.strategies).doesNotContainKey("momentum@PT1H");
        assertThat(metrics.grades.get("A@PT1H").count()).isZero();
    }

    @Test
    void aStrategyWhoseOutcomesLeftTheLookbackShowsAnEmptySampleNotItsLastFigures() {
        outcomes.add(H4, outcome("momentum", Grade.B, 0.01, NOW.minus(Duration.ofDays(29))));
        refresh.refresh();
        assertThat(metrics.strategies.get("momentum@PT4H").sampleSize()).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        refresh.refresh();

        assertThat(metrics.strategies.get("momentum@PT4H")).isEqualTo(QualityFigures.EMPTY);
    }

    @Test
    void aLookbackOfZeroCountsEveryStoredOutcome() {
        outcomes.add(H4, outcome("momentum", Grade.B, 0.01, NOW.minus(Duration.ofDays(400))));

        new RefreshQualityMetricsService(outcomes, metrics, List.of(H4), Duration.ZERO, clock).refresh();

        assertThat(metrics.strategies.get("momentum@PT4H").sampleSize()).isEqualTo(1);
    }

    private static MeasuredOutcome outcome(String strategy, Grade grade, double net, Instant time) {
        return new MeasuredOutcome(strategy, "BTCUSDT", grade, null, 0.6, 55, net, net > 0, time);
    }
}
