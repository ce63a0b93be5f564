package dev.peregrine.risk.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.RecordedDecision;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the decisions the {@link RiskLedger} stored. */
public interface DecisionStore {

    Optional<RecordedDecision> findBySignalId(UUID signalId);

    /** Newest first. */
    List<RecordedDecision> latest(Symbol symbol, int limit);
}
