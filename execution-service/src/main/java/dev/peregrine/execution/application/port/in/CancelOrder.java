package dev.peregrine.execution.application.port.in;

import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.execution.domain.Order;
import java.util.Optional;

/** Cancels a working order on request. Idempotent: an order already ended is reported as it stands. */
public interface CancelOrder {

    /** @return the order as it stands after the request; empty when no order has that clientOrderId */
    Optional<Order> cancel(OrderCancelRequested request);
}
