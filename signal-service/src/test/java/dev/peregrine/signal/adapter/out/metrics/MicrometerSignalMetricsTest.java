package dev.peregrine.signal.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.signal.domain.consensus.Verdict;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerSignalMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerSignalMetrics metrics = new MicrometerSignalMetrics(registry);

    @Test
    void rendersEveryMeterUnderThePeregrineSignalPrefix() {
        metrics.signalValidated("breakout", Grade.B, RecommendedAction.TRADE, 68);
        metrics.signalValidated("breakout", Grade.B, RecommendedAction.TRADE, 70);
        metrics.signalValidated("breakout", Grade.F, RecommendedAction.SKIP, 10);
        metrics.candleIgnored("duplicate");
        metrics.evaluationLatency(Duration.ofMillis(3));
        metrics.pausedStrategies(1);
        metrics.debateVerdict(Verdict.Decision.BULLISH);
        metrics.debateVerdict(Verdict.Decision.HOLD);
        metrics.debateVerdict(Verdict.Decision.HOLD);
        metrics.consensusConflict();
        metrics.seriesWarmth(3, 2);
        metrics.seriesRebuilt(500);
        metrics.mlScored("BELOW_THRESHOLD");
        metrics.activeModel("m-7");

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("peregrine_signal_validations_total{action=\"TRADE\",grade=\"B\",strategy=\"breakout\"} 2.0")
                .contains("peregrine_signal_validations_total{action=\"SKIP\",grade=\"F\",strategy=\"breakout\"} 1.0")
                .contains("peregrine_signal_strength_count{strategy=\"breakout\"} 3")
                .contains("peregrine_signal_strength_bucket{strategy=\"breakout\",le=\"35.0\"} 1")
                .contains("peregrine_signal_candles_ignored_total{reason=\"duplicate\"} 1.0")
                .contains("peregrine_signal_evaluation_latency_seconds_count 1")
                .contains("peregrine_signal_strategies_paused 1.0")
                .contains("peregrine_signal_debate_verdicts_total{verdict=\"HOLD\"} 2.0")
                .contains("peregrine_signal_debate_verdicts_total{verdict=\"BULLISH\"} 1.0")
                .contains("peregrine_signal_consensus_conflicts_total 1.0")
                .contains("peregrine_signal_series{state=\"warm\"} 3.0")
                .contains("peregrine_signal_series{state=\"warming\"} 2.0")
                .contains("peregrine_signal_series_rebuilt_candles_total 500.0")
                .contains("peregrine_signal_ml_scored_total{state=\"BELOW_THRESHOLD\"} 1.0")
                .contains("peregrine_signal_ml_model_active{version=\"m-7\"} 1.0")
                .doesNotContain("peregrine_signal_ml_model_active{version=\"none\"}");
    }
}
