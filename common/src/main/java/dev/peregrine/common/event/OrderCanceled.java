package dev.peregrine.common.event;

import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.util.Objects;
import java.util.UUID;

/**
 * The order ended without executing all of its quantity: canceled (by Peregrine, e.g. the protective pair
 * before an exit, or by an operator) or expired at the venue ({@code EXPIRED}, {@code EXPIRED_IN_MATCH}).
 * Whatever it executed before was reported by fills; what it did not execute frees its reservation.
 *
 * @param executedQuantity what the order executed before it ended (zero when nothing did)
 */
public record OrderCanceled(
        Envelope envelope,
        String clientOrderId,
        UUID intentId,
        String strategyId,
        Symbol symbol,
        Side side,
        OrderPurpose purpose,
        Quantity executedQuantity,
        Reason reason,
        String venue)
        implements ExecutionReportEvent {

    public OrderCanceled {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(executedQuantity, "executedQuantity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(venue, "venue");
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
