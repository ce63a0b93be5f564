package dev.peregrine.execution.application;

import dev.peregrine.execution.application.port.in.ReconcileWithVenue;
import dev.peregrine.execution.application.port.in.Reconciliation;
import dev.peregrine.execution.application.port.in.ResolveOrders;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.ReconciliationDifferences;
import dev.peregrine.execution.application.port.out.ReconciliationDifferences.Kind;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderState;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Reconciliation, fail closed: every PENDING_SUBMIT and UNKNOWN order is resolved by asking the venue, and every
 * working order is looked up, adopting fills that happened while Peregrine was not listening (down, or its stream
 * silent) and ends the venue decided. Each difference is recorded. The {@link VenueGate} opens after the first
 * reconciliation in which the venue answered every lookup; until then no intent is consumed.
 *
 * <p>First version: it starts from Peregrine's own orders. Orders at the venue that Peregrine never stored (placed by
 * hand on the same account) are not looked for yet.
 */
public final class ReconcileWithVenueService implements ReconcileWithVenue {

    private final OrderStore orders;
    private final VenuePort venue;
    private final OrderExecution execution;
    private final ResolveOrders resolve;
    private final ReconciliationDifferences differences;
    private final SymbolLocks locks;
    private final VenueGate gate;
    private final Clock clock;

    public ReconcileWithVenueService(
            OrderStore orders,
            VenuePort venue,
            OrderExecution execution,
            ResolveOrders resolve,
            ReconciliationDifferences differences,
            SymbolLocks locks,
            VenueGate gate,
            Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
        this.differences = Objects.requireNonNull(differences, "differences");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reconciliation reconcile() {
        int unresolved = 0;
        int stillUnresolved = 0;
        int differenceCount = 0;
        for (Order order : orders.unresolved(venue.name())) {
            unresolved++;
            Optional<Order> settled = resolve.resolve(order.clientOrderId());
            if (settled.isEmpty()) {
                stillUnresolved++;
            } else {
                differenceCount++;
                differences.record(
                        Kind.UNKNOWN_SETTLED,
                        order.clientOrderId(),
                        "was " + order.state() + ", the venue's answer made it "
                                + settled.get().state(),
                        clock.instant());
            }
        }
        int working = 0;
        int unanswered = 0;
        for (Order order : orders.working(venue.name())) {
            working++;
            Check check = locks.call(order.symbol(), () -> checkWorking(order.clientOrderId()));
            if (check == Check.UNANSWERED) {
                unanswered++;
            } else if (check == Check.DIFFERENT) {
                differenceCount++;
            }
        }
        boolean complete = unanswered == 0;
        if (complete) {
            gate.open();
        }
        return new Reconciliation(unresolved, stillUnresolved, working, differenceCount, complete);
    }

    private enum Check {
        SAME,
        DIFFERENT,
        UNANSWERED
    }

    private Check checkWorking(String clientOrderId) {
        Optional<Order> stored = orders.find(clientOrderId).filter(order -> order.state() == OrderState.ACCEPTED);
        if (stored.isEmpty()) {
            return Check.SAME;
        }
        Order order = stored.get();
        VenueLookup lookup = venue.lookup(order);
        switch (lookup) {
            case VenueLookup.Working working -> {
                return Check.SAME;
            }
            case VenueLookup.Unanswered unanswered -> {
                return Check.UNANSWERED;
            }
            case VenueLookup.Absent absent ->
                differences.record(
                        Kind.MISSING_AT_VENUE,
                        clientOrderId,
                        "working here, but " + venue.name() + " says: " + absent.detail(),
                        clock.instant());
            case VenueLookup.Executed executed ->
                execution
                        .settleAs(order, lookup)
                        .ifPresent(settled -> differences.record(
                                Kind.FILL_ADOPTED,
                                clientOrderId,
                                "executed at " + venue.name() + " at "
                                        + executed.fill().price() + "; now " + settled.state(),
                                clock.instant()));
            case VenueLookup.Ended ended ->
                execution
                        .settleAs(order, lookup)
                        .ifPresent(settled -> differences.record(
                                Kind.ENDED_AT_VENUE,
                                clientOrderId,
                                "ended at " + venue.name() + ": "
                                        + ended.reason().code() + " "
                                        + ended.reason().detail(),
                                clock.instant()));
        }
        return Check.DIFFERENT;
    }
}
