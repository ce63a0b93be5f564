package dev.peregrine.signal.adapter.out.metrics;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signal metrics in Micrometer. Prometheus renders them as {@code peregrine_signal_validations_total},
 * {@code peregrine_signal_strength}, {@code peregrine_signal_evaluation_latency_seconds},
 * {@code peregrine_signal_strategies_paused} and {@code peregrine_signal_candles_ignored_total}.
 */
@Component
public class MicrometerSignalMetrics implements SignalMetrics {

    private final MeterRegistry registry;
    private final Timer evaluationLatency;
    private final AtomicInteger pausedStrategies = new AtomicInteger();

    public MicrometerSignalMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluationLatency = Timer.builder("peregrine.signal.evaluation.latency")
                .description("Time to evaluate one closed candle, including storing and publishing its signal")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("peregrine.signal.strategies.paused", pausedStrategies, AtomicInteger::get)
                .description("Strategies whose signals are currently not tradeable")
                .register(registry);
    }

    @Override
    public void signalValidated(String strategyId, Grade grade, RecommendedAction action, int strength) {
        Counter.builder("peregrine.signal.validations")
                .description("Validated signals by strategy, grade and recommended action")
                .tag("strategy", strategyId).tag("grade", grade.name()).tag("action", action.name())
                .register(registry).increment();
        DistributionSummary.builder("peregrine.signal.strength")
                .description("Strength (0-100) of validated signals")
                .tag("strategy", strategyId)
                // Bucket boundaries at the grade cut-offs, so the grade mix can be read off the histogram.
                .serviceLevelObjectives(35, 50, 65, 80)
                .register(registry).record(strength);
    }

    @Override
    public void candleIgnored(String reason) {
        Counter.builder("peregrine.signal.candles.ignored")
                .description("Candles that did not move the indicators (duplicate or out of order)")
                .tag("reason", reason)
                .register(registry).increment();
    }

    @Override
    public void evaluationLatency(Duration latency) {
        evaluationLatency.record(latency);
    }

    @Override
    public void pausedStrategies(int count) {
        pausedStrategies.set(count);
    }
}
