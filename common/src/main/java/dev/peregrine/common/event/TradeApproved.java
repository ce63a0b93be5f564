package dev.peregrine.common.event;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Risk approved a signal at a size.
 *
 * @param riskAmount what is lost if the stop is hit: quantity x |entry - stop|
 */
public record TradeApproved(
        Envelope envelope,
        UUID decisionId,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Side side,
        Quantity quantity,
        Price entryPrice,
        Price stopPrice,
        Money riskAmount,
        List<Reason> reasons)
        implements RiskDecisionEvent {

    public TradeApproved {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(riskAmount, "riskAmount");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (quantity.isZero()) {
            throw new IllegalArgumentException("an approved trade needs a positive quantity");
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
