package dev.peregrine.monitor.adapter.out.metrics;

import dev.peregrine.monitor.application.port.out.TradeFlowMetrics;
import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** {@link TradeFlowMetrics} on Micrometer. */
@Component
public class MicrometerTradeFlowMetrics implements TradeFlowMetrics {

    private final MeterRegistry registry;
    private final Timer signalToFillLatency;

    public MicrometerTradeFlowMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.signalToFillLatency = Timer.builder("peregrine.monitor.signal.to.fill.latency")
                .description("Time from signal-service producing a signal to execution-service reporting its fill")
                .publishPercentileHistogram()
                .register(registry);
    }

    @Override
    public void signalRecorded(RecordedSignal signal) {
        Counter.builder("peregrine.monitor.signals")
                .description("Validated signals recorded")
                .tag("strategy", signal.strategyId())
                .tag("grade", signal.grade().name())
                .tag("action", signal.action().name())
                .register(registry)
                .increment();
    }

    @Override
    public void decisionRecorded(RecordedDecision decision) {
        Counter.builder("peregrine.monitor.decisions")
                .description("Risk decisions recorded")
                .tag("strategy", decision.strategyId())
                .tag("outcome", decision.outcome().name())
                .register(registry)
                .increment();
    }

    @Override
    public void executionRecorded(RecordedExecution execution) {
        Counter.builder("peregrine.monitor.executions")
                .description("Execution reports recorded")
                .tag("type", execution.type().name())
                .register(registry)
                .increment();
        // Tagged by symbol: a notional is in the symbol's quote asset, and amounts of different assets
        // must not be summed into one figure.
        execution
                .notional()
                .ifPresent(notional -> DistributionSummary.builder("peregrine.monitor.fills.notional")
                        .description("Notional of each fill (quantity x fill price) in the symbol's quote asset")
                        .tag("symbol", execution.symbol().value())
                        .register(registry)
                        .record(notional.doubleValue()));
        execution
                .fee()
                .filter(fee -> fee.amount().signum() > 0)
                .ifPresent(fee -> Counter.builder("peregrine.monitor.fees")
                        .description(
                                "Fees paid on fills, per fee asset (rebates are not subtracted: a counter only grows)")
                        .tag("asset", fee.currency())
                        .register(registry)
                        .increment(fee.amount().doubleValue()));
    }

    @Override
    public void signalToFillLatency(Duration latency) {
        signalToFillLatency.record(latency);
    }
}
