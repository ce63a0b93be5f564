package dev.peregrine.monitor.adapter.in.rest;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import dev.peregrine.monitor.domain.TradeFlow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * JSON of a trade flow. Decimals are plain strings so no client reads them as floating point; parts a
 * report type does not have are null.
 */
public record TradeFlowView(
        UUID correlationId, List<SignalView> signals, List<DecisionView> decisions, List<ExecutionView> executions) {

    static TradeFlowView of(TradeFlow flow) {
        return new TradeFlowView(
                flow.correlationId(),
                flow.signals().stream().map(SignalView::of).toList(),
                flow.decisions().stream().map(DecisionView::of).toList(),
                flow.executions().stream().map(ExecutionView::of).toList());
    }

    public record SignalView(
            UUID signalId,
            String strategyId,
            String symbol,
            String interval,
            String side,
            int strength,
            String grade,
            double confidence,
            String action,
            boolean tradeable,
            String referencePrice,
            UUID correlationId,
            Instant eventTime,
            Instant processingTime,
            Instant recordedAt) {

        static SignalView of(RecordedSignal s) {
            return new SignalView(
                    s.signalId(),
                    s.strategyId(),
                    s.symbol().value(),
                    s.interval().code(),
                    s.side().name(),
                    s.strength(),
                    s.grade().name(),
                    s.confidence(),
                    s.action().name(),
                    s.tradeable(),
                    s.referencePrice().text(),
                    s.correlationId(),
                    s.eventTime(),
                    s.processingTime(),
                    s.recordedAt());
        }
    }

    public record DecisionView(
            UUID decisionId,
            UUID signalId,
            String strategyId,
            String symbol,
            String outcome,
            String quantity,
            List<ReasonView> reasons,
            UUID correlationId,
            Instant recordedAt) {

        static DecisionView of(RecordedDecision d) {
            return new DecisionView(
                    d.decisionId(),
                    d.signalId(),
                    d.strategyId(),
                    d.symbol().value(),
                    d.outcome().name(),
                    d.quantity().map(Quantity::text).orElse(null),
                    d.reasons().stream().map(ReasonView::of).toList(),
                    d.correlationId(),
                    d.recordedAt());
        }
    }

    public record ExecutionView(
            UUID eventId,
            String clientOrderId,
            String type,
            String strategyId,
            String symbol,
            String side,
            String quantity,
            String fillPrice,
            String fee,
            String feeAsset,
            ReasonView reason,
            UUID correlationId,
            Instant processingTime,
            Instant recordedAt) {

        static ExecutionView of(RecordedExecution e) {
            return new ExecutionView(
                    e.eventId(),
                    e.clientOrderId(),
                    e.type().name(),
                    e.strategyId(),
                    e.symbol().value(),
                    e.side().name(),
                    e.quantity().map(Quantity::text).orElse(null),
                    e.fillPrice().map(Price::text).orElse(null),
                    e.fee().map(Money::amount).map(BigDecimal::toPlainString).orElse(null),
                    e.fee().map(Money::currency).orElse(null),
                    e.reason().map(ReasonView::of).orElse(null),
                    e.correlationId(),
                    e.processingTime(),
                    e.recordedAt());
        }
    }

    public record ReasonView(String code, String detail) {

        static ReasonView of(Reason reason) {
            return new ReasonView(reason.code(), reason.detail());
        }
    }
}
