package dev.peregrine.execution.application.port.in;

import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderFilter;
import java.util.List;
import java.util.Optional;

/** Reads orders for operators and dashboards. */
public interface FindOrders {

    List<Order> list(OrderFilter filter);

    Optional<OrderHistory> history(String clientOrderId);
}
