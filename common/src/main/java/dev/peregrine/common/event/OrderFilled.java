package dev.peregrine.common.event;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;

import java.util.Objects;
import java.util.UUID;

/** The order was filled completely at {@code fillPrice}, paying {@code fee}. */
public record OrderFilled(
        Envelope envelope,
        String clientOrderId,
        UUID intentId,
        String strategyId,
        Symbol symbol,
        Side side,
        Quantity quantity,
        Price fillPrice,
        Money fee,
        String venue,
        String venueOrderId) implements ExecutionReportEvent {

    public OrderFilled {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(intentId, "intentId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fillPrice, "fillPrice");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
