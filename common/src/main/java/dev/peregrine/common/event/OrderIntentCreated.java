package dev.peregrine.common.event;

import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order risk wants placed.
 *
 * @param clientOrderId idempotency key at the venue (Binance {@code newClientOrderId}, at most 36 chars)
 * @param notBefore     the order may only execute on market data after this instant (the signal candle's close)
 * @param limitPrice    null for MARKET orders
 */
public record OrderIntentCreated(
        Envelope envelope,
        UUID intentId,
        String clientOrderId,
        UUID decisionId,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Side side,
        OrderType orderType,
        Quantity quantity,
        Price limitPrice,
        Instant notBefore) implements OrderIntentEvent {

    public OrderIntentCreated {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(notBefore, "notBefore");
        if (clientOrderId.isEmpty() || clientOrderId.length() > 36) {
            throw new IllegalArgumentException("clientOrderId must be 1-36 characters: '" + clientOrderId + "'");
        }
        if (quantity.isZero()) {
            throw new IllegalArgumentException("order quantity must be positive");
        }
        if ((orderType == OrderType.LIMIT) != (limitPrice != null)) {
            throw new IllegalArgumentException("a LIMIT order needs a limitPrice and a MARKET order must not have one");
        }
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
