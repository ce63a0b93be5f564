package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.application.port.in.OrderFilter;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderTransition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders and their audit trails live. Each write stores the order and its new entries atomically. */
public interface OrderStore {

    /**
     * Stores a new order with the transitions that made it (sequence numbers 1..n, n being the order's
     * version).
     *
     * @return false, storing nothing, when an order with the same clientOrderId or intentId already exists
     */
    boolean insert(Order order, List<OrderTransition> transitions);

    /**
     * Stores {@code change} if the stored order is still the version before it (optimistic locking).
     *
     * @return false, storing nothing, when the order moved on in the meantime
     */
    boolean update(OrderChange change);

    Optional<Order> find(String clientOrderId);

    /** ACCEPTED orders of {@code symbol} whose notBefore is strictly before {@code marketTime}. */
    List<Order> workingBefore(Symbol symbol, Instant marketTime);

    /** Orders of {@code symbol} the venue executed or refused at {@code marketTime}. */
    List<Order> settledAt(Symbol symbol, Instant marketTime);

    List<Order> list(OrderFilter filter);

    /** The order's audit trail, oldest first; empty for an unknown order. */
    List<OrderTransition> transitions(String clientOrderId);
}
