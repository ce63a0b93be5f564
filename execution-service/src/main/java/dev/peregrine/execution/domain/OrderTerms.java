package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderPurpose;
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
 * @param quantity   what the order buys or sells; for an exit, the intent's quantity clipped to what is held
 * @param limitPrice null for a MARKET order
 * @param notBefore  the order may only execute on market data after this instant (the signal candle's close); a
 *                   protective leg may execute on the candle opening at this instant (its entry's fill candle)
 * @param causation  the intent the order answers (a protective leg answers its entry's intent)
 * @param role       its purpose and protective levels
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
        Causation causation,
        OrderRole role) {

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
        Objects.requireNonNull(role, "role");
        if (clientOrderId.isBlank()) {
            throw new IllegalArgumentException("clientOrderId must not be blank");
        }
        if ((role.purpose() == OrderPurpose.ENTRY) != (side == Side.BUY)) {
            throw new IllegalArgumentException("spot, long only: an ENTRY buys and every other order sells; "
                    + role.purpose() + " cannot be a " + side);
        }
    }

    public OrderPurpose purpose() {
        return role.purpose();
    }

    /** The same terms for another quantity (an exit clipped to what is held). */
    public OrderTerms withQuantity(Quantity newQuantity) {
        return new OrderTerms(
                clientOrderId,
                intentId,
                strategyId,
                symbol,
                side,
                type,
                newQuantity,
                limitPrice,
                notBefore,
                causation,
                role);
    }

    public Optional<Price> limit() {
        return Optional.ofNullable(limitPrice);
    }

    /** Quote value of the order at {@code price}. */
    public BigDecimal notionalAt(Price price) {
        return quantity.value().multiply(price.value());
    }
}
