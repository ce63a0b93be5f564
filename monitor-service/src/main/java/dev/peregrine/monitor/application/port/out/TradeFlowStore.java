package dev.peregrine.monitor.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.domain.FlowRecord;
import dev.peregrine.monitor.domain.RecordedDecision;
import dev.peregrine.monitor.domain.RecordedExecution;
import dev.peregrine.monitor.domain.RecordedSignal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable storage of recorded steps. Each {@code save} stores a step only if no step with the same business
 * key is stored yet, and says whether it did: that answer is what keeps redeliveries from being counted twice.
 */
public interface TradeFlowStore {

    /** Stores the signal unless its signal id is known; true when it was stored now. */
    boolean saveSignal(RecordedSignal signal);

    /** Stores the decision unless its decision id is known; true when it was stored now. */
    boolean saveDecision(RecordedDecision decision);

    /**
     * Stores the report unless its event id, or a report of the same type for the same client order, is
     * known; true when it was stored now.
     */
    boolean saveExecution(RecordedExecution execution);

    /** When signal-service produced the earliest recorded signal of this chain, strategy and symbol. */
    Optional<Instant> signalProcessingTime(UUID correlationId, String strategyId, Symbol symbol);

    /** Every recorded step of one chain, in no particular order. */
    List<FlowRecord> findByCorrelationId(UUID correlationId);

    /** The latest signals by event time, newest first, of one strategy or (when empty) of all. */
    List<RecordedSignal> recentSignals(Optional<String> strategyId, int limit);
}
