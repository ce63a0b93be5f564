package dev.peregrine.common.event;

import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.util.Objects;
import java.util.UUID;

/** The order was refused by a safety check or the venue. */
public record OrderRejected(
        Envelope envelope,
        String clientOrderId,
        UUID intentId,
        String strategyId,
        Symbol symbol,
        Side side,
        Reason reason,
        String venue)
        implements ExecutionReportEvent {

    public OrderRejected {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(venue, "venue");
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
