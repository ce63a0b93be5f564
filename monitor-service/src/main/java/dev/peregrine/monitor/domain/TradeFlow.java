package dev.peregrine.monitor.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything recorded for one correlation id: the signal(s) one candle produced, risk's decision(s) on
 * them and the execution reports that followed. One candle can feed several strategies, so each list may
 * hold more than one entry.
 */
public record TradeFlow(
        UUID correlationId,
        List<RecordedSignal> signals,
        List<RecordedDecision> decisions,
        List<RecordedExecution> executions) {

    public TradeFlow {
        Objects.requireNonNull(correlationId, "correlationId");
        signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
        decisions = List.copyOf(Objects.requireNonNull(decisions, "decisions"));
        executions = List.copyOf(Objects.requireNonNull(executions, "executions"));
        for (List<? extends FlowRecord> records : List.of(signals, decisions, executions)) {
            for (FlowRecord record : records) {
                if (!record.correlationId().equals(correlationId)) {
                    throw new IllegalArgumentException("a record of chain " + record.correlationId()
                            + " does not belong to trade flow " + correlationId);
                }
            }
        }
    }

    /**
     * Sorts records of any kind into a flow: signals by event time, decisions by recording time, execution
     * reports by the time execution-service produced them (accepted before filled).
     */
    public static TradeFlow of(UUID correlationId, Collection<? extends FlowRecord> records) {
        List<RecordedSignal> signals = new ArrayList<>();
        List<RecordedDecision> decisions = new ArrayList<>();
        List<RecordedExecution> executions = new ArrayList<>();
        for (FlowRecord record : records) {
            switch (record) {
                case RecordedSignal signal -> signals.add(signal);
                case RecordedDecision decision -> decisions.add(decision);
                case RecordedExecution execution -> executions.add(execution);
            }
        }
        signals.sort(Comparator.comparing(RecordedSignal::eventTime).thenComparing(RecordedSignal::recordedAt));
        decisions.sort(Comparator.comparing(RecordedDecision::recordedAt));
        executions.sort(Comparator.comparing(RecordedExecution::processingTime).thenComparing(RecordedExecution::type));
        return new TradeFlow(correlationId, signals, decisions, executions);
    }

    public boolean isEmpty() {
        return signals.isEmpty() && decisions.isEmpty() && executions.isEmpty();
    }
}
