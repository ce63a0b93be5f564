package dev.peregrine.risk.application;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.in.FindDecisions;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.domain.RecordedDecision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Reads decisions from the store, guarding the page size so one request cannot pull the whole table. */
public final class FindDecisionsService implements FindDecisions {

    private final DecisionStore store;

    public FindDecisionsService(DecisionStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<RecordedDecision> latest(Symbol symbol, int limit) {
        Objects.requireNonNull(symbol, "symbol");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        return store.latest(symbol, limit);
    }

    @Override
    public Optional<RecordedDecision> bySignalId(UUID signalId) {
        return store.findBySignalId(Objects.requireNonNull(signalId, "signalId"));
    }
}
