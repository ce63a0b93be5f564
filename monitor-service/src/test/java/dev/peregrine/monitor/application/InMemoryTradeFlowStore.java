package dev.peregrine.monitor.application;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.application.port.out.TradeFlowStore;
import dev.peregrine.monitor.domain.FlowRecord;
import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The store's contract in memory, with the same uniqueness rules as the SQL tables. */
final class InMemoryTradeFlowStore implements TradeFlowStore {

    final Map<UUID, RecordedSignal> signals = new LinkedHashMap<>();
    final Map<UUID, RecordedDecision> decisions = new LinkedHashMap<>();
    final Map<UUID, RecordedExecution> executions = new LinkedHashMap<>();

    @Override
    public boolean saveSignal(RecordedSignal signal) {
        return signals.putIfAbsent(signal.signalId(), signal) == null;
    }

    @Override
    public boolean saveDecision(RecordedDecision decision) {
        return decisions.putIfAbsent(decision.decisionId(), decision) == null;
    }

    @Override
    public boolean saveExecution(RecordedExecution execution) {
        boolean sameReportKnown = executions.values().stream()
                .anyMatch(known ->
                        known.clientOrderId().equals(execution.clientOrderId()) && known.type() == execution.type());
        return !sameReportKnown && executions.putIfAbsent(execution.eventId(), execution) == null;
    }

    @Override
    public Optional<Instant> signalProcessingTime(UUID correlationId, String strategyId, Symbol symbol) {
        return signals.values().stream()
                .filter(s -> s.correlationId().equals(correlationId)
                        && s.strategyId().equals(strategyId)
                        && s.symbol().equals(symbol))
                .map(RecordedSignal::processingTime)
                .min(Comparator.naturalOrder());
    }

    @Override
    public List<FlowRecord> findByCorrelationId(UUID correlationId) {
        List<FlowRecord> found = new ArrayList<>();
        Stream.of(signals.values(), decisions.values(), executions.values())
                .flatMap(records -> records.stream().map(FlowRecord.class::cast))
                .filter(record -> record.correlationId().equals(correlationId))
                .forEach(found::add);
        return found;
    }

    @Override
    public List<RecordedSignal> recentSignals(Optional<String> strategyId, int limit) {
        return signals.values().stream()
                .filter(s -> strategyId.map(s.strategyId()::equals).orElse(true))
                .sorted(Comparator.comparing(RecordedSignal::eventTime).reversed())
                .limit(limit)
                .toList();
    }
}
