package dev.peregrine.execution.application;

import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.execution.application.port.in.CancelOrder;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.domain.Cancellation;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderState;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Cancels a working order when risk asks (the kill switch). The venue is asked first whether the order has already
 * executed: an order that filled is settled and reported as filled, never canceled after the fact. An order that
 * already ended is reported again as it stands, so the requester learns its fate either way.
 */
public final class CancelOrderService implements CancelOrder {

    private final OrderStore orders;
    private final OrderExecution execution;
    private final ExecutionReports reports;
    private final ExecutionReportPublisher publisher;
    private final ExecutionMetrics metrics;
    private final SymbolLocks locks;
    private final Clock clock;

    public CancelOrderService(
            OrderStore orders,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            SymbolLocks locks,
            Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Order> cancel(OrderCancelRequested request) {
        Objects.requireNonNull(request, "request");
        return locks.call(
                request.symbol(),
                () -> orders.find(request.clientOrderId()).map(order -> cancelLocked(order, request)));
    }

    private Order cancelLocked(Order order, OrderCancelRequested request) {
        if (order.state() != OrderState.ACCEPTED) {
            reports.current(order).ifPresent(publisher::publish);
            return order;
        }
        Optional<Order> settled = execution.settleIfExecuted(order);
        if (settled.isPresent()) {
            return settled.get();
        }
        OrderChange change = order.cancel(new Cancellation(request.reason(), null), null, clock.instant());
        if (!orders.update(change)) {
            // Settled concurrently by a candle: that path reported it.
            return orders.find(order.clientOrderId()).orElse(order);
        }
        metrics.orderTransitioned(change.order().state());
        reports.current(change.order()).ifPresent(publisher::publish);
        return change.order();
    }
}
