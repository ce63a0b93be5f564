package dev.peregrine.execution.application;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.execution.application.port.in.OnVenueEvents;
import dev.peregrine.execution.application.port.in.ReconcileWithVenue;
import dev.peregrine.execution.application.port.in.Reconciliation;
import dev.peregrine.execution.application.port.in.ResolveOrders;
import dev.peregrine.execution.application.port.out.AccountSnapshotPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderState;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the venue's user-data events into lookups: an event about an unresolved order resolves it now (cancelling the
 * wait of its back-off), one about a working order settles it from the venue's answer, and a gap in the stream
 * reconciles everything. Events about orders Peregrine does not know (placed by hand) are ignored here;
 * reconciliation is where such differences belong.
 */
public final class OnVenueEventsService implements OnVenueEvents {

    private final OrderStore orders;
    private final OrderExecution execution;
    private final ResolveOrders resolve;
    private final ReconcileWithVenue reconcile;
    private final AccountSnapshotPublisher accounts;
    private final SymbolLocks locks;
    private final VenuePort venue;
    private final IdGenerator ids;
    private final Clock clock;

    public OnVenueEventsService(
            OrderStore orders,
            OrderExecution execution,
            ResolveOrders resolve,
            ReconcileWithVenue reconcile,
            AccountSnapshotPublisher accounts,
            SymbolLocks locks,
            VenuePort venue,
            IdGenerator ids,
            Clock clock) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
        this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public Optional<Order> orderChanged(String clientOrderId) {
        Optional<Order> known = orders.find(clientOrderId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (known.get().state().isUnresolved()) {
            resolve.resolve(clientOrderId);
            return orders.find(clientOrderId);
        }
        return locks.call(known.get().symbol(), () -> {
            Order fresh = orders.find(clientOrderId).orElseThrow();
            return fresh.state() == OrderState.ACCEPTED
                    ? execution.settleIfExecuted(fresh).or(() -> Optional.of(fresh))
                    : Optional.of(fresh);
        });
    }

    @Override
    public void accountChanged(AccountSnapshot snapshot) {
        accounts.publish(Objects.requireNonNull(snapshot, "snapshot"));
    }

    /** Reconciles the orders, then publishes every balance of the account: the stream's deltas may have missed some. */
    @Override
    public Reconciliation streamGap(String why) {
        Reconciliation reconciled = reconcile.reconcile();
        venue.balances()
                .ifPresent(balances -> accounts.publish(new AccountSnapshot(
                        Envelope.root(ids.next(), clock.instant(), clock.instant()), venue.name(), balances)));
        return reconciled;
    }
}
