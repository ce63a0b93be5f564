package dev.peregrine.execution.adapter.out.binance;

import java.util.List;
import java.util.Optional;

/**
 * Binance's answer to a new order list: the list ({@code listOrderStatus} EXECUTING, or ALL_DONE when an order
 * already executed) and its orders' ids.
 */
public record PlacedOrderList(
        String symbol, long orderListId, String listClientOrderId, String listOrderStatus, List<ListedOrder> orders) {

    public PlacedOrderList {
        orders = List.copyOf(orders);
    }

    /** One order of the list. */
    public record ListedOrder(long orderId, String clientOrderId) {}

    /** The venue's orderId of the order named {@code clientOrderId}. */
    public Optional<Long> orderIdOf(String clientOrderId) {
        return orders.stream()
                .filter(order -> order.clientOrderId().equals(clientOrderId))
                .map(ListedOrder::orderId)
                .findFirst();
    }
}
