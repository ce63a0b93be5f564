package dev.peregrine.signal.adapter.out.metrics;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MicrometerSignalMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerSignalMetrics metrics = new MicrometerSignalMetrics(registry);

    @Test
    void rendersEveryMeterUnderThePeregrineSignalPrefix() {
        metrics.signalValidated("ema-crossover", Grade.B, RecommendedAction.TRADE, 68);
        metrics.signalValidated("ema-crossover", Grade.B, RecommendedAction.TRADE, 70);
        metrics.signalValidated("ema-crossover", Grade.F, RecommendedAction.SKIP, 10);
        metrics.candleIgnored("duplicate");
        metrics.evaluationLatency(Duration.ofMillis(3));
        metrics.pausedStrategies(1);

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("peregrine_signal_validations_total{action=\"TRADE\",grade=\"B\",strategy=\"ema-crossover\"} 2.0")
                .contains("peregrine_signal_validations_total{action=\"SKIP\",grade=\"F\",strategy=\"ema-crossover\"} 1.0")
                .contains("peregrine_signal_strength_count{strategy=\"ema-crossover\"} 3")
                .contains("peregrine_signal_strength_bucket{strategy=\"ema-crossover\",le=\"35.0\"} 1")
                .contains("peregrine_signal_candles_ignored_total{reason=\"duplicate\"} 1.0")
                .contains("peregrine_signal_evaluation_latency_seconds_count 1")
                .contains("peregrine_signal_strategies_paused 1.0");
    }
}
