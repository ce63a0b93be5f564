package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What was asked for: the parts of an order that never change after the intent.
 *
 * @param limitPrice null for a MARKET order
 * @param notBefore  the order may only execute on market data after this instant (the signal candle's close)
 */
public record OrderTerms(
        String clientOrderId,
        UUID intentId,
        String strategyId,
        Symbol symbol,
        Side side,
        OrderType type,
        Quantity quantity,
        Price limitPrice,
        Instant notBefore,
        Causation causation) {

    public OrderTerms {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(causation, "causation");
        if (clientOrderId.isBlank()) {
            throw new IllegalArgumentException("clientOrderId must not be blank");
        }
    }

    public Optional<Price> limit() {
        return Optional.ofNullable(limitPrice);
    }

    /** Quote value of the order at {@code price}. */
    public BigDecimal notionalAt(Price price) {
        return quantity.value().multiply(price.value());
    }
}
