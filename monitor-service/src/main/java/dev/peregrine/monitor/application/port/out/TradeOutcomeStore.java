package dev.peregrine.monitor.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.domain.outcome.TradeOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Durable trade outcomes and what is needed to join them to their signals. */
public interface TradeOutcomeStore {

    /** Remembers the order that opened a position (the first seen); true when stored now. */
    boolean savePositionEntry(
            UUID positionId, String strategyId, Symbol symbol, String entryClientOrderId, Instant openedAt);

    Optional<String> entryClientOrderId(UUID positionId);

    /** The recorded signal of the chain the order belongs to (same correlation id, strategy and symbol). */
    Optional<UUID> signalOfOrder(String clientOrderId);

    /** Stores the outcome unless its position's is known; true when stored now. */
    boolean saveTradeOutcome(TradeOutcome trade);
}
