package dev.peregrine.exchangesim;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account's orders and order lists with their counting ids, and the report of every change to the
 * {@link AccountListener}. Guarded by the engine's lock.
 */
final class AccountOrders {

    private final Map<Long, SpotOrder> orders = new TreeMap<>();
    private final Map<Long, OrderList> lists = new TreeMap<>();
    private AccountListener listener = AccountListener.NONE;
    private long nextOrderId = 1;
    private long nextListId = 1;
    private long nextExecutionId = 1;
    private long nextCancelId = 1;

    void listener(AccountListener value) {
        listener = value;
    }

    long newOrderId() {
        return nextOrderId++;
    }

    long newListId() {
        return nextListId++;
    }

    /** The client id of a cancel request that did not name one. */
    String newCancelId() {
        return "sim-cancel-" + nextCancelId++;
    }

    SpotOrder get(long orderId) {
        return orders.get(orderId);
    }

    void put(SpotOrder order) {
        orders.put(order.orderId(), order);
    }

    Collection<SpotOrder> orders() {
        return orders.values();
    }

    Optional<OrderList> list(long orderListId) {
        return Optional.ofNullable(lists.get(orderListId));
    }

    void put(OrderList list) {
        lists.put(list.orderListId(), list);
    }

    Collection<OrderList> lists() {
        return lists.values();
    }

    /** Stores the order and reports the change. */
    void report(SpotOrder order, ExecutionReport.Type type, Optional<SpotTrade> trade, Instant at) {
        put(order);
        listener.executionReport(
                new ExecutionReport(nextExecutionId++, order, type, order.clientOrderId(), "", trade, at));
    }

    /** Stores the canceled order and reports it with the cancel's client id ({@code c}) and its own ({@code C}). */
    void reportCanceled(SpotOrder order, String cancelClientOrderId, Instant at) {
        put(order);
        listener.executionReport(new ExecutionReport(
                nextExecutionId++,
                order,
                ExecutionReport.Type.CANCELED,
                cancelClientOrderId,
                order.clientOrderId(),
                Optional.empty(),
                at));
    }

    /** Stores the list and reports its status. */
    void reportList(OrderList list, Instant at) {
        put(list);
        listener.listStatus(list, list.orderIds().stream().map(orders::get).toList(), at);
    }

    void reportPosition(Instant at, Map<String, Balances.Amounts> changed) {
        listener.accountPosition(at, changed);
    }
}
