package dev.peregrine.execution.application;

import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.SafetyChecks;
import dev.peregrine.execution.domain.SafetyDecision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles a working order once the venue has executed it: a fill that passes the execution-time safety
 * checks fills the order, one that does not rejects it. Shared by both ways an order can become
 * executable: its intent arriving after the fill candle, or the fill candle arriving after the intent.
 */
public final class OrderExecution {

    private final OrderStore orders;
    private final VenuePort venue;
    private final SafetyChecks safety;
    private final ExecutionReports reports;
    private final ExecutionReportPublisher publisher;
    private final ExecutionMetrics metrics;
    private final Clock clock;

    public OrderExecution(OrderStore orders, VenuePort venue, SafetyChecks safety, ExecutionReports reports,
                          ExecutionReportPublisher publisher, ExecutionMetrics metrics, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Fills or refuses {@code order} if it is working and the venue has executed it, stores the change and
     * publishes its report.
     *
     * @return the settled order; empty if nothing changed (not working, not executed yet, or settled
     *         concurrently by another consumer, which reports it itself)
     */
    public Optional<Order> settleIfExecuted(Order order) {
        if (order.state() != OrderState.ACCEPTED) {
            return Optional.empty();
        }
        Optional<Fill> execution = venue.executionOf(order);
        if (execution.isEmpty()) {
            return Optional.empty();
        }
        Fill fill = execution.get();
        Instant now = clock.instant();
        OrderChange change = switch (safety.beforeExecution(order.terms(), fill.price())) {
            case SafetyDecision.Approved approved -> order.fill(fill, now);
            case SafetyDecision.Denied denied -> order.refuseExecution(denied.reason(), fill.marketTime(), now);
        };
        if (!orders.update(change)) {
            return Optional.empty();
        }
        Order settled = change.order();
        metrics.orderTransitioned(settled.state());
        if (settled.state() == OrderState.FILLED) {
            Duration latency = Duration.between(order.createdAt(), now);
            metrics.orderFilled(settled.symbol(), fill.fee(), latency.isNegative() ? Duration.ZERO : latency);
        }
        reports.current(settled).ifPresent(publisher::publish);
        return Optional.of(settled);
    }
}
