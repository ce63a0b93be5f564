package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.port.out.BookState;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.application.port.out.LedgerCommit;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * risk-service's ledger and decision store in memory, with the semantics of its PostgreSQL adapters: a commit whose
 * fact was applied before stores nothing; decisions are found by signal id; intents stay unpublished until marked;
 * the book starts fresh (no stored state). It keeps what the result needs: the decisions in the order they were
 * made, the positions as each commit left them, and the latest valuation.
 */
final class MemoryRiskLedger implements RiskLedger, DecisionStore {

    private final Set<String> appliedFacts = new HashSet<>();
    private final Map<UUID, RecordedDecision> decisionsBySignal = new HashMap<>();
    private final List<RecordedDecision> decisions = new ArrayList<>();
    private final Map<UUID, OrderIntent> unpublished = new LinkedHashMap<>();
    private final List<Position> positionVersions = new ArrayList<>();
    private Valuation valuation;

    @Override
    public Optional<BookState> load() {
        return Optional.empty();
    }

    @Override
    public boolean isApplied(String factKey) {
        return appliedFacts.contains(factKey);
    }

    @Override
    public boolean commit(LedgerCommit commit) {
        if (commit.factKey() != null && !appliedFacts.add(commit.factKey())) {
            return false;
        }
        for (RecordedDecision decision : commit.decisions()) {
            if (decisionsBySignal.putIfAbsent(decision.signalId(), decision) == null) {
                decisions.add(decision);
            }
        }
        for (OrderIntent intent : commit.intents()) {
            unpublished.put(intent.intentId(), intent);
        }
        positionVersions.addAll(commit.positions());
        valuation = commit.valuation();
        return true;
    }

    @Override
    public List<OrderIntent> unpublishedIntents() {
        return List.copyOf(unpublished.values());
    }

    @Override
    public void markPublished(UUID intentId, java.time.Instant at) {
        unpublished.remove(intentId);
    }

    @Override
    public List<Position> positions(Boolean open, String strategyId, String symbol, int limit) {
        List<Position> newestFirst = new ArrayList<>(positionVersions).reversed();
        Set<UUID> seen = new HashSet<>();
        List<Position> found = new ArrayList<>();
        for (Position position : newestFirst) {
            if (!seen.add(position.positionId())) {
                continue;
            }
            boolean matches = (open == null || open == position.isOpen())
                    && (strategyId == null || strategyId.equals(position.key().strategyId()))
                    && (symbol == null || symbol.equals(position.key().symbol().value()));
            if (matches && found.size() < limit) {
                found.add(position);
            }
        }
        return found;
    }

    @Override
    public Optional<RecordedDecision> findBySignalId(UUID signalId) {
        return Optional.ofNullable(decisionsBySignal.get(signalId));
    }

    @Override
    public List<RecordedDecision> latest(Symbol symbol, int limit) {
        return decisions.reversed().stream()
                .filter(d -> d.symbol().equals(symbol))
                .limit(limit)
                .toList();
    }

    /** Every decision, in the order it was made. */
    List<RecordedDecision> decisions() {
        return decisions;
    }

    /** The account as the last commit left it; empty before the first. */
    Optional<Valuation> valuation() {
        return Optional.ofNullable(valuation);
    }
}
