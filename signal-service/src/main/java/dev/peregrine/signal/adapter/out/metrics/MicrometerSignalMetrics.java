package dev.peregrine.signal.adapter.out.metrics;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.domain.consensus.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Signal metrics in Micrometer. Prometheus renders them as {@code peregrine_signal_validations_total{strategy,grade,action}},
 * {@code peregrine_signal_strength{strategy}}, {@code peregrine_signal_evaluation_latency_seconds},
 * {@code peregrine_signal_strategies_paused}, {@code peregrine_signal_candles_ignored_total{reason}},
 * {@code peregrine_signal_debate_verdicts_total{verdict}}, {@code peregrine_signal_consensus_conflicts_total},
 * {@code peregrine_signal_series{state="warm"|"warming"}}, {@code peregrine_signal_series_rebuilt_candles_total} and
 * {@code peregrine_signal_ml_model_active{version}} (1 for the ML model in use; {@code version="none"} at 0 when none is)
 * and {@code peregrine_signal_ml_scored_total{state}}.
 */
@Component
public class MicrometerSignalMetrics implements SignalMetrics {

    private final MeterRegistry registry;
    private final Timer evaluationLatency;
    private final Counter conflicts;
    private final Counter rebuiltCandles;
    private final AtomicInteger pausedStrategies = new AtomicInteger();
    private final AtomicInteger warmSeries = new AtomicInteger();
    private final AtomicInteger warmingSeries = new AtomicInteger();
    private final MultiGauge activeModel;

    public MicrometerSignalMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.evaluationLatency = Timer.builder("peregrine.signal.evaluation.latency")
                .description("Time to judge one closed candle: series update, analysts, consensus, debate, validation, "
                        + "storing and publishing its signals")
                .publishPercentileHistogram()
                .register(registry);
        this.conflicts = Counter.builder("peregrine.signal.consensus.conflicts")
                .description("Candles with a candidate on which strong bullish and bearish opinions met")
                .register(registry);
        this.rebuiltCandles = Counter.builder("peregrine.signal.series.rebuilt.candles")
                .description("Stored candles replayed to rebuild series after a start")
                .register(registry);
        Gauge.builder("peregrine.signal.strategies.paused", pausedStrategies, AtomicInteger::get)
                .description("Strategies whose signals are currently not tradeable")
                .register(registry);
        Gauge.builder("peregrine.signal.series", warmSeries, AtomicInteger::get)
                .description(
                        "Series by warm-up state: warm once every indicator and the regime baseline have their history")
                .tag("state", "warm")
                .register(registry);
        Gauge.builder("peregrine.signal.series", warmingSeries, AtomicInteger::get)
                .description(
                        "Series by warm-up state: warm once every indicator and the regime baseline have their history")
                .tag("state", "warming")
                .register(registry);
        this.activeModel = MultiGauge.builder("peregrine.signal.ml.model.active")
                .description(
                        "The ML model the filter scores with (1, tagged with its version); version none at 0 without one")
                .register(registry);
        activeModel(null);
    }

    @Override
    public void mlScored(String state) {
        Counter.builder("peregrine.signal.ml.scored")
                .description(
                        "Validations through the ML filter by outcome: NO_MODEL, PASSED, BELOW_THRESHOLD (made SKIP)")
                .tag("state", state)
                .register(registry)
                .increment();
    }

    @Override
    public void activeModel(String version) {
        activeModel.register(
                List.of(
                        version == null
                                ? MultiGauge.Row.of(Tags.of("version", "none"), 0)
                                : MultiGauge.Row.of(Tags.of("version", version), 1)),
                true);
    }

    @Override
    public void signalValidated(String strategyId, Grade grade, RecommendedAction action, int strength) {
        Counter.builder("peregrine.signal.validations")
                .description("Validated signals by strategy, grade and recommended action")
                .tag("strategy", strategyId)
                .tag("grade", grade.name())
                .tag("action", action.name())
                .register(registry)
                .increment();
        DistributionSummary.builder("peregrine.signal.strength")
                .description("Strength (0-100) of validated signals")
                .tag("strategy", strategyId)
                // Bucket boundaries at the grade cut-offs, so the grade mix can be read off the histogram.
                .serviceLevelObjectives(35, 50, 65, 80)
                .register(registry)
                .record(strength);
    }

    @Override
    public void candleIgnored(String reason) {
        Counter.builder("peregrine.signal.candles.ignored")
                .description("Candles that did not move their series (duplicate or out of order)")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void evaluationLatency(Duration latency) {
        evaluationLatency.record(latency);
    }

    @Override
    public void pausedStrategies(int count) {
        pausedStrategies.set(count);
    }

    @Override
    public void debateVerdict(Verdict.Decision decision) {
        Counter.builder("peregrine.signal.debate.verdicts")
                .description("Arbiter verdicts on candles with at least one candidate signal")
                .tag("verdict", decision.name())
                .register(registry)
                .increment();
    }

    @Override
    public void consensusConflict() {
        conflicts.increment();
    }

    @Override
    public void seriesWarmth(int warm, int warming) {
        warmSeries.set(warm);
        warmingSeries.set(warming);
    }

    @Override
    public void seriesRebuilt(int candles) {
        rebuiltCandles.increment(candles);
    }

    @Override
    public void seriesEvicted(String reason) {
        Counter.builder("peregrine.signal.series.evicted")
                .description(
                        "Series states dropped from memory (idle: the symbol stopped trading; capacity: over the bound)")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
