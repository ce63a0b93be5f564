package dev.peregrine.risk.domain;

import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The order an approval asks execution to place. Its ids derive from the decision, so an approval that is
 * processed twice asks for the same order twice and the venue's idempotency key ({@code clientOrderId})
 * makes the second request harmless.
 *
 * @param notBefore the order may only execute on market data after this instant (the signal candle's close)
 */
public record OrderIntent(
        UUID intentId,
        UUID decisionId,
        String clientOrderId,
        Symbol symbol,
        Side side,
        OrderType orderType,
        Quantity quantity,
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
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
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
    }

    /** The market order for an approved decision. */
    public static OrderIntent marketOrderFor(RecordedDecision approval, Instant notBefore, Instant createdAt) {
        if (approval.outcome() != Outcome.APPROVED) {
            throw new IllegalArgumentException("only an approved decision becomes an order intent: " + approval.decisionId());
        }
        UUID intentId = DerivedIds.from("intent", approval.decisionId());
        return new OrderIntent(intentId, approval.decisionId(), clientOrderIdOf(intentId), approval.symbol(),
                approval.side(), OrderType.MARKET, approval.quantity(), notBefore, approval.correlationId(), createdAt);
    }

    /** {@code pg-} and the first 32 hex digits of the intent id: 35 characters, unique per intent. */
    static String clientOrderIdOf(UUID intentId) {
        return CLIENT_ORDER_ID_PREFIX + intentId.toString().replace("-", "").substring(0, 32);
    }
}
