package dev.peregrine.common.event;

import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.util.Objects;
import java.util.UUID;

/** The venue accepted the order; it is working. */
public record OrderAccepted(
        Envelope envelope,
        String clientOrderId,
        UUID intentId,
        String strategyId,
        Symbol symbol,
        Side side,
        Quantity quantity,
        String venue)
        implements ExecutionReportEvent {

    public OrderAccepted {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(venue, "venue");
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
