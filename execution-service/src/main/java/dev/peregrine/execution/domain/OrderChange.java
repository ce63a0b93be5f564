package dev.peregrine.execution.domain;

import java.util.Objects;

/** What a transition method returns: the order as it is now, and the audit entry that got it there. */
public record OrderChange(Order order, OrderTransition transition) {

    public OrderChange {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(transition, "transition");
    }
}
