package dev.peregrine.common.event;

import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Risk refused a signal; {@code reasons} says why (never empty). */
public record TradeDenied(
        Envelope envelope,
        UUID decisionId,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Side side,
        List<Reason> reasons)
        implements RiskDecisionEvent {

    public TradeDenied {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a denial must give at least one reason");
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
