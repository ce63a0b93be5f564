package dev.peregrine.risk.application.port.out;

import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.portfolio.Position;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the book is kept: its state, the facts applied to it, what it decided and sent, and its history. */
public interface RiskLedger {

    Optional<BookState> load();

    boolean isApplied(String factKey);

    /**
     * Stores the change in one transaction.
     *
     * @return false, storing nothing, when the commit's fact was applied before
     */
    boolean commit(LedgerCommit commit);

    /** Intents stored but not yet acknowledged by the broker, oldest first. */
    List<OrderIntent> unpublishedIntents();

    void markPublished(UUID intentId, Instant at);

    /** Positions newest first; {@code open} null for both. */
    List<Position> positions(Boolean open, String strategyId, String symbol, int limit);
}
