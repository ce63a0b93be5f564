package dev.peregrine.execution.application.port.out;

import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderTransition;
import java.util.List;
import java.util.Objects;

/**
 * Changes to several orders that stand or fall together, e.g. an entry's fill with the protective legs it
 * rests, or a leg's fill with the cancel of the other leg.
 *
 * @param inserts new orders, each with the transitions that made it (sequence numbers 1..n, n its version)
 * @param updates transitions of stored orders, each applied only if the stored order is still at the version
 *                before it (optimistic locking)
 */
public record OrderWrites(List<NewOrder> inserts, List<OrderChange> updates) {

    public OrderWrites {
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
    }

    /** A new order and its audit trail so far. */
    public record NewOrder(Order order, List<OrderTransition> transitions) {

        public NewOrder {
            Objects.requireNonNull(order, "order");
            transitions = List.copyOf(transitions);
            if (transitions.size() != order.version()) {
                throw new IllegalArgumentException("order " + order.clientOrderId() + " at version " + order.version()
                        + " needs " + order.version() + " transitions, got " + transitions.size());
            }
        }
    }
}
