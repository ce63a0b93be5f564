package dev.peregrine.execution.application;

import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.execution.application.port.in.PlaceOrderUseCase;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.Causation;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderTerms;
import dev.peregrine.execution.domain.SafetyChecks;
import dev.peregrine.execution.domain.SafetyDecision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Places the order an intent asks for: creates it NEW, runs the safety checks, submits it to the venue
 * (ACCEPTED) or rejects it (REJECTED), stores it with its audit trail and reports it; then fills it at once
 * if the venue already has the market data to execute it.
 *
 * <p>An intent whose clientOrderId is already known creates nothing: the stored order's reports are
 * published again, because the first delivery may have stored the order and then failed to publish before
 * its input was acknowledged. Consumers deduplicate reports by clientOrderId.
 *
 * <p>First version: the order is stored once, already ACCEPTED or REJECTED, because the paper venue answers
 * without a network call. A remote venue needs the NEW order stored before it is sent.
 */
public final class PlaceOrder implements PlaceOrderUseCase {

    private final OrderStore orders;
    private final VenuePort venue;
    private final SafetyChecks safety;
    private final OrderExecution execution;
    private final ExecutionReports reports;
    private final ExecutionReportPublisher publisher;
    private final ExecutionMetrics metrics;
    private final SymbolLocks locks;
    private final Clock clock;

    public PlaceOrder(OrderStore orders, VenuePort venue, SafetyChecks safety, OrderExecution execution,
                      ExecutionReports reports, ExecutionReportPublisher publisher, ExecutionMetrics metrics,
                      SymbolLocks locks, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Order place(OrderIntentCreated intent) {
        Objects.requireNonNull(intent, "intent");
        return locks.call(intent.symbol(), () -> placeLocked(intent));
    }

    private Order placeLocked(OrderIntentCreated intent) {
        Instant now = clock.instant();
        OrderChange opened = Order.open(termsOf(intent), venue.name(), now);
        OrderChange decided = decide(opened.order(), now);
        Order order = decided.order();
        if (!orders.insert(order, List.of(opened.transition(), decided.transition()))) {
            return alreadyKnown(intent);
        }
        metrics.orderTransitioned(opened.order().state());
        metrics.orderTransitioned(order.state());
        reports.current(order).ifPresent(publisher::publish);
        // Looked up only now that the order is stored: a candle stored at the same time by another consumer
        // is then seen here, or that consumer sees this order (or both, and optimistic locking lets one win).
        return execution.settleIfExecuted(order).orElse(order);
    }

    private OrderChange decide(Order order, Instant now) {
        return switch (safety.beforeAcceptance(order.terms())) {
            case SafetyDecision.Denied denied -> order.reject(denied.reason(), now);
            case SafetyDecision.Approved approved -> switch (venue.submit(order)) {
                case VenueSubmission.Acknowledged ack -> order.accept(ack.venueOrderId(), now);
                case VenueSubmission.Refused refused -> order.reject(refused.reason(), now);
            };
        };
    }

    private Order alreadyKnown(OrderIntentCreated intent) {
        Order existing = orders.find(intent.clientOrderId()).orElseThrow(() -> new IllegalArgumentException(
                "intent " + intent.intentId() + " already has an order under another clientOrderId; refusing '"
                        + intent.clientOrderId() + "'"));
        if (!existing.intentId().equals(intent.intentId())) {
            throw new IllegalArgumentException("clientOrderId '" + intent.clientOrderId() + "' already belongs to intent "
                    + existing.intentId() + "; refusing intent " + intent.intentId());
        }
        reports.describing(existing).forEach(publisher::publish);
        return execution.settleIfExecuted(existing).orElse(existing);
    }

    private static OrderTerms termsOf(OrderIntentCreated intent) {
        return new OrderTerms(intent.clientOrderId(), intent.intentId(), intent.strategyId(), intent.symbol(),
                intent.side(), intent.orderType(), intent.quantity(), intent.limitPrice(), intent.notBefore(),
                new Causation(intent.envelope().correlationId(), intent.envelope().eventId(),
                        intent.envelope().eventTime()));
    }
}
