package dev.peregrine.execution.application.port.in;

import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderTransition;
import java.util.List;
import java.util.Objects;

/** An order with its audit trail, oldest entry first. */
public record OrderHistory(Order order, List<OrderTransition> transitions) {

    public OrderHistory {
        Objects.requireNonNull(order, "order");
        transitions = List.copyOf(transitions);
    }
}
