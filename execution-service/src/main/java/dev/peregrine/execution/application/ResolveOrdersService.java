package dev.peregrine.execution.application;

import dev.peregrine.common.event.Reason;
import dev.peregrine.execution.application.port.in.ResolveOrders;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.RejectionCodes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles orders whose fate only the venue knows, by asking it, never by sending again.
 *
 * <p>A PENDING_SUBMIT order found here was left by a run that stopped between storing and sending it (under the
 * symbol's lock no send is in flight), so it becomes UNKNOWN first. An UNKNOWN order the venue has is ACCEPTED, then
 * settled like any working order (filled or ended). One the venue says it does not have stays UNKNOWN for the
 * absence grace period after it became UNKNOWN, because Binance may answer -2013 for an order it has not made
 * visible yet; after that the answer proves absence and the order is REJECTED ({@code NOT_AT_VENUE}), which
 * releases what risk reserved for it. Nothing is re-sent automatically.
 */
public final class ResolveOrdersService implements ResolveOrders {

    private final OrderStore orders;
    private final VenuePort venue;
    private final OrderExecution execution;
    private final ExecutionReports reports;
    private final ExecutionReportPublisher publisher;
    private final ExecutionMetrics metrics;
    private final SymbolLocks locks;
    private final LookupBackoff backoff;
    private final Duration absenceGrace;
    private final Clock clock;

    public ResolveOrdersService(
            OrderStore orders,
            VenuePort venue,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            SymbolLocks locks,
            LookupBackoff backoff,
            Duration absenceGrace,
            Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.absenceGrace = Objects.requireNonNull(absenceGrace, "absenceGrace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int resolveDue() {
        int stillUnresolved = 0;
        for (Order order : orders.unresolved(venue.name())) {
            if (backoff.isDue(order.clientOrderId(), clock.instant())
                    && resolve(order.clientOrderId()).isPresent()) {
                continue;
            }
            stillUnresolved++;
        }
        return stillUnresolved;
    }

    @Override
    public Optional<Order> resolve(String clientOrderId) {
        Optional<Order> known = orders.find(clientOrderId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Optional<Order> settled = locks.call(known.get().symbol(), () -> resolveLocked(clientOrderId));
        if (settled.isPresent()) {
            backoff.forget(clientOrderId);
        } else {
            backoff.unsettled(clientOrderId, clock.instant());
        }
        return settled;
    }

    /** @return the order once it is no longer unresolved; empty while it still is */
    private Optional<Order> resolveLocked(String clientOrderId) {
        Order order = orders.find(clientOrderId).orElseThrow();
        if (!order.state().isUnresolved()) {
            return Optional.of(order);
        }
        if (order.state() == OrderState.PENDING_SUBMIT) {
            order = store(order.markUnknown(
                    "left PENDING_SUBMIT by a run that stopped; it may have been sent", clock.instant()));
            if (order.state() != OrderState.UNKNOWN) {
                return Optional.of(order);
            }
        }
        Instant now = clock.instant();
        return switch (venue.lookup(order)) {
            case VenueLookup.Working working -> Optional.of(found(order, working.venueOrderId(), "working", now));
            case VenueLookup.Executed executed -> Optional.of(found(order, executed.venueOrderId(), "executed", now));
            case VenueLookup.Ended ended ->
                Optional.of(found(
                        order, ended.venueOrderId(), "ended (" + ended.reason().code() + ")", now));
            case VenueLookup.Absent absent -> absent(order, absent, now);
            case VenueLookup.Unanswered unanswered -> Optional.empty();
        };
    }

    /** The venue has the order: it is ACCEPTED as it was sent, then settled as the venue says. */
    private Order found(Order order, String venueOrderId, String how, Instant now) {
        Order accepted = store(order.accept(
                venueOrderId,
                now,
                "found " + how + " at " + venue.name() + " as " + venueOrderId
                        + " when asked after its outcome was unknown"));
        if (accepted.state() != OrderState.ACCEPTED) {
            return accepted;
        }
        reports.current(accepted).ifPresent(publisher::publish);
        return execution.settleIfExecuted(accepted).orElse(accepted);
    }

    private Optional<Order> absent(Order order, VenueLookup.Absent absent, Instant now) {
        Duration unknownFor = Duration.between(order.updatedAt(), now);
        if (unknownFor.compareTo(absenceGrace) < 0) {
            return Optional.empty();
        }
        Order rejected = store(order.reject(
                Reason.of(
                        RejectionCodes.NOT_AT_VENUE,
                        venue.name() + " has no order "
                                + order.clientOrderId() + " " + unknownFor.toSeconds()
                                + " s after its outcome became unknown ("
                                + absent.detail() + "); it was never placed and is not sent again"),
                now));
        reports.current(rejected).ifPresent(publisher::publish);
        return Optional.of(rejected);
    }

    /** Stores the change; if the order moved on meanwhile (another instance), the stored order. */
    private Order store(OrderChange change) {
        if (!orders.update(change)) {
            return orders.find(change.order().clientOrderId()).orElseThrow();
        }
        metrics.orderTransitioned(change.order().state());
        return change.order();
    }
}
