package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.RecordedDecision;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where decisions and order intents are kept. Inserts are idempotent on the derived ids. */
public interface DecisionStore {

    /** Stores the decision unless its signal already has one; true when this call stored it. */
    boolean insertIfAbsent(RecordedDecision decision);

    /** Stores the intent unless it is already stored. */
    void insertIfAbsent(OrderIntent intent);

    Optional<RecordedDecision> findBySignalId(UUID signalId);

    /** Newest first. */
    List<RecordedDecision> latest(Symbol symbol, int limit);
}
