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
 * @param purpose       ENTRY (a BUY opening or adding to the strategy's long) or EXIT (a SELL of what it holds)
 * @param stopLoss      an ENTRY's protective stop, rested on the venue once the entry fills; null for an EXIT
 * @param takeProfit    an ENTRY's take-profit, rested with the stop as one pair; null for an EXIT
 * @param exitReason    why an EXIT closes the position (opposite signal, holding time, breaker...); null for an ENTRY
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
        Instant notBefore,
        OrderPurpose purpose,
        Price stopLoss,
        Price takeProfit,
        Reason exitReason)
        implements OrderIntentEvent {

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
        Objects.requireNonNull(purpose, "purpose");
        switch (purpose) {
            case ENTRY -> {
                if (side != Side.BUY) {
                    throw new IllegalArgumentException("spot, long only: an ENTRY is a BUY, not " + side);
                }
                if (exitReason != null) {
                    throw new IllegalArgumentException("an ENTRY has no exitReason");
                }
                if (stopLoss != null && takeProfit != null && stopLoss.compareTo(takeProfit) >= 0) {
                    throw new IllegalArgumentException(
                            "stopLoss " + stopLoss + " must be below takeProfit " + takeProfit);
                }
            }
            case EXIT -> {
                if (side != Side.SELL) {
                    throw new IllegalArgumentException("an EXIT sells what an entry bought; it cannot be a " + side);
                }
                if (stopLoss != null || takeProfit != null) {
                    throw new IllegalArgumentException("an EXIT carries no protective stop or take-profit");
                }
                Objects.requireNonNull(exitReason, "an EXIT needs its exitReason");
            }
            case STOP_LOSS, TAKE_PROFIT ->
                throw new IllegalArgumentException(
                        "the protective pair is placed by execution after an entry fills, never asked for by intent");
        }
    }

    /** An entry (BUY) without a protective pair. */
    public static OrderIntentCreated entry(
            Envelope envelope,
            UUID intentId,
            String clientOrderId,
            UUID decisionId,
            UUID signalId,
            String strategyId,
            Symbol symbol,
            OrderType orderType,
            Quantity quantity,
            Price limitPrice,
            Instant notBefore) {
        return new OrderIntentCreated(
                envelope,
                intentId,
                clientOrderId,
                decisionId,
                signalId,
                strategyId,
                symbol,
                Side.BUY,
                orderType,
                quantity,
                limitPrice,
                notBefore,
                OrderPurpose.ENTRY,
                null,
                null,
                null);
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
