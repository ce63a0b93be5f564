package dev.peregrine.monitor.application;

import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.monitor.application.port.in.RecordTradeFlow;
import dev.peregrine.monitor.application.port.in.Recording;
import dev.peregrine.monitor.application.port.out.TradeFlowMetrics;
import dev.peregrine.monitor.application.port.out.TradeFlowStore;
import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import dev.peregrine.monitor.domain.ReportType;
import dev.peregrine.monitor.domain.SignalToFillLatency;
import java.time.Clock;
import java.util.Objects;

/**
 * Records each step of a trade chain and reports it to metrics. The store decides what is new, and metrics
 * move only for new steps, so a redelivered event is neither stored nor counted twice.
 *
 * <p>If the process dies between storing a step and reporting it, the redelivery finds the step stored and
 * the metric misses that one step: metrics undercount rather than double count, the rows stay exact.
 */
public final class RecordTradeFlowService implements RecordTradeFlow {

    private final TradeFlowStore store;
    private final TradeFlowMetrics metrics;
    private final Clock clock;

    public RecordTradeFlowService(TradeFlowStore store, TradeFlowMetrics metrics, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Recording recordSignal(SignalEvent event) {
        RecordedSignal signal = switch (event) {
            case SignalValidated validated -> RecordedSignal.from(validated, clock.instant());
        };
        if (!store.saveSignal(signal)) {
            return Recording.DUPLICATE;
        }
        metrics.signalRecorded(signal);
        return Recording.NEW;
    }

    @Override
    public Recording recordDecision(RiskDecisionEvent event) {
        RecordedDecision decision = RecordedDecision.from(event, clock.instant());
        if (!store.saveDecision(decision)) {
            return Recording.DUPLICATE;
        }
        metrics.decisionRecorded(decision);
        return Recording.NEW;
    }

    @Override
    public Recording recordExecution(ExecutionReportEvent event) {
        RecordedExecution execution = RecordedExecution.from(event, clock.instant());
        if (!store.saveExecution(execution)) {
            return Recording.DUPLICATE;
        }
        metrics.executionRecorded(execution);
        if (execution.type() == ReportType.FILLED) {
            // Signals and fills travel on different topics, so the signal may not be recorded yet; then this
            // fill's latency is not measured (first version: no later reconciliation).
            store.signalProcessingTime(execution.correlationId(), execution.strategyId(), execution.symbol())
                    .flatMap(
                            signalProcessed -> SignalToFillLatency.between(signalProcessed, execution.processingTime()))
                    .ifPresent(metrics::signalToFillLatency);
        }
        return Recording.NEW;
    }
}
