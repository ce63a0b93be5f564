package dev.peregrine.execution.application;

import dev.peregrine.execution.application.port.in.FindOrders;
import dev.peregrine.execution.application.port.in.OrderHistory;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderFilter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads orders and their audit trails. */
public final class FindOrdersService implements FindOrders {

    private final OrderStore orders;

    public FindOrdersService(OrderStore orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    @Override
    public List<Order> list(OrderFilter filter) {
        return orders.list(Objects.requireNonNull(filter, "filter"));
    }

    @Override
    public Optional<OrderHistory> history(String clientOrderId) {
        return orders.find(clientOrderId).map(order -> new OrderHistory(order, orders.transitions(clientOrderId)));
    }
}
