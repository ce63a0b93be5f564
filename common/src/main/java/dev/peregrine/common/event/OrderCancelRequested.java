package dev.peregrine.common.event;

import dev.peregrine.common.value.Symbol;
import java.util.Objects;

/**
 * Risk asks execution to cancel a working order it sent (the kill switch cancels entries not yet filled). Execution
 * cancels it if it is still working and reports {@code OrderCanceled}; an order that already filled or ended is
 * reported as it is. Asking twice is harmless.
 */
public record OrderCancelRequested(
        Envelope envelope, String clientOrderId, String strategyId, Symbol symbol, Reason reason)
        implements OrderIntentEvent {

    public OrderCancelRequested {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String key() {
        return symbol.value();
    }
}
