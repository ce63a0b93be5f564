package dev.peregrine.execution.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an order's audit trail.
 *
 * @param from   the state before, or null for the entry that created the order
 * @param to     the state after
 * @param at     when the service made the change
 * @param detail why, in words an operator can read
 */
public record OrderTransition(OrderState from, OrderState to, Instant at, String detail) {

    public OrderTransition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isCreation() {
        return from == null;
    }
}
