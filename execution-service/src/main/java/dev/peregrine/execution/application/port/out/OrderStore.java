package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderFilter;
import dev.peregrine.execution.domain.OrderTransition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where orders and their audit trails live. Each write stores the orders and their new entries atomically. */
public interface OrderStore {

    /**
     * Stores all of {@code writes} or nothing.
     *
     * @return false, storing nothing, when an inserted order's clientOrderId or intentId already exists or an
     *         updated order moved on in the meantime
     */
    boolean write(OrderWrites writes);

    /**
     * Stores a new order with the transitions that made it (sequence numbers 1..n, n being the order's
     * version).
     *
     * @return false, storing nothing, when an order with the same clientOrderId or intentId already exists
     */
    default boolean insert(Order order, List<OrderTransition> transitions) {
        return write(new OrderWrites(List.of(new OrderWrites.NewOrder(order, transitions)), List.of()));
    }

    /**
     * Stores {@code change} if the stored order is still the version before it (optimistic locking).
     *
     * @return false, storing nothing, when the order moved on in the meantime
     */
    default boolean update(OrderChange change) {
        return write(new OrderWrites(List.of(), List.of(change)));
    }

    Optional<Order> find(String clientOrderId);

    /**
     * ACCEPTED orders of {@code venue} in {@code symbol} whose notBefore is at or before {@code marketTime}, oldest
     * notBefore first.
     */
    List<Order> workingAt(String venue, Symbol symbol, Instant marketTime);

    /** Orders of {@code symbol} the venue executed, refused or (one leg of a pair filling) canceled at {@code marketTime}. */
    List<Order> settledAt(Symbol symbol, Instant marketTime);

    /**
     * The orders of one strategy in one symbol at {@code venue} that are not REJECTED or CANCELED (FILLED, working,
     * being sent or of unknown outcome): what its position there is made of. Orders of another venue (paper trading
     * kept in the same database) hold nothing at this one.
     */
    List<Order> position(String venue, String strategyId, Symbol symbol);

    /** PENDING_SUBMIT and UNKNOWN orders of {@code venue}, oldest first: those only that venue can settle. */
    List<Order> unresolved(String venue);

    /** ACCEPTED orders of {@code venue} in every symbol, oldest first: those the venue works. */
    List<Order> working(String venue);

    /**
     * Orders that exist or ended because of order {@code clientOrderId}: the protective legs of an entry, and
     * the orders it canceled; oldest first, then in the order of {@code OrderPurpose} (a stop before its take-profit).
     */
    List<Order> relatedTo(String clientOrderId);

    List<Order> list(OrderFilter filter);

    /** The order's audit trail, oldest first; empty for an unknown order. */
    List<OrderTransition> transitions(String clientOrderId);
}
