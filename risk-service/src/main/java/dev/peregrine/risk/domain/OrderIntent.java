package dev.peregrine.risk.domain;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order risk asks execution to place: an ENTRY (BUY, carrying its protective stop and take-profit) or an EXIT
 * (SELL of what the strategy holds, with its reason). Its ids derive from the decision, so a decision processed
 * twice asks for the same order twice and the venue's idempotency key ({@code clientOrderId}) makes the second
 * request harmless.
 *
 * @param signalId  the signal the entry answers, or for an exit the signal that opened the position (may be the
 *                  exit's own signal for an opposite signal)
 * @param notBefore the order may only execute on market data after this instant
 */
public record OrderIntent(
        UUID intentId,
        UUID decisionId,
        String clientOrderId,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Side side,
        OrderPurpose purpose,
        OrderType orderType,
        Quantity quantity,
        Price stopLoss,
        Price takeProfit,
        Reason exitReason,
        Instant notBefore,
        UUID correlationId,
        Instant createdAt) {

    /** Binance's limit for {@code newClientOrderId}. */
    public static final int MAX_CLIENT_ORDER_ID_LENGTH = 36;

    private static final String CLIENT_ORDER_ID_PREFIX = "pg-";

    public OrderIntent {
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (clientOrderId.isEmpty() || clientOrderId.length() > MAX_CLIENT_ORDER_ID_LENGTH) {
            throw new IllegalArgumentException("clientOrderId must be 1-36 characters: '" + clientOrderId + "'");
        }
        if (quantity.isZero()) {
            throw new IllegalArgumentException("an order intent needs a positive quantity");
        }
        if ((purpose == OrderPurpose.ENTRY) != (side == Side.BUY) || purpose.sells() && purpose != OrderPurpose.EXIT) {
            throw new IllegalArgumentException(
                    "risk sends BUY entries and SELL exits only, not a " + side + " " + purpose);
        }
        if ((purpose == OrderPurpose.EXIT) != (exitReason != null)) {
            throw new IllegalArgumentException("an exit, and only an exit, carries its reason");
        }
    }

    /** The market entry for an approved decision, with the position's protective pair. */
    public static OrderIntent entryFor(
            RecordedDecision approval, Price stopLoss, Price takeProfit, Instant notBefore, Instant createdAt) {
        if (approval.outcome() != Outcome.APPROVED) {
            throw new IllegalArgumentException(
                    "only an approved decision becomes an order intent: " + approval.decisionId());
        }
        UUID intentId = DerivedIds.from("intent", approval.decisionId());
        return new OrderIntent(
                intentId,
                approval.decisionId(),
                clientOrderIdOf(intentId),
                approval.signalId(),
                approval.strategyId(),
                approval.symbol(),
                Side.BUY,
                OrderPurpose.ENTRY,
                OrderType.MARKET,
                approval.quantity(),
                stopLoss,
                takeProfit,
                null,
                notBefore,
                approval.correlationId(),
                createdAt);
    }

    /** A market exit selling {@code quantity} of a position, for {@code reason}; its ids derive from the decision id. */
    public static OrderIntent exit(
            UUID decisionId,
            UUID signalId,
            String strategyId,
            Symbol symbol,
            Quantity quantity,
            Reason reason,
            Instant notBefore,
            UUID correlationId,
            Instant createdAt) {
        UUID intentId = DerivedIds.from("intent", decisionId);
        return new OrderIntent(
                intentId,
                decisionId,
                clientOrderIdOf(intentId),
                signalId,
                strategyId,
                symbol,
                Side.SELL,
                OrderPurpose.EXIT,
                OrderType.MARKET,
                quantity,
                null,
                null,
                reason,
                notBefore,
                correlationId,
                createdAt);
    }

    /** {@code pg-} and the first 32 hex digits of the intent id: 35 characters, unique per intent. */
    static String clientOrderIdOf(UUID intentId) {
        return CLIENT_ORDER_ID_PREFIX + intentId.toString().replace("-", "").substring(0, 32);
    }
}
