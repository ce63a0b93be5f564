package dev.peregrine.execution.application.port.in;

import dev.peregrine.execution.domain.Order;
import java.util.Optional;

/** Settles PENDING_SUBMIT and UNKNOWN orders by asking the venue what became of them. */
public interface ResolveOrders {

    /**
     * Looks up every unresolved order whose back-off has passed.
     *
     * @return how many orders are still unresolved
     */
    int resolveDue();

    /**
     * Looks up one order now.
     *
     * @return the order once it is no longer PENDING_SUBMIT or UNKNOWN; empty while it still is, or if unknown
     */
    Optional<Order> resolve(String clientOrderId);
}
