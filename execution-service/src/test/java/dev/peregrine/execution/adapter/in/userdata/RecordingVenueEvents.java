package dev.peregrine.execution.adapter.in.userdata;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.execution.application.port.in.OnVenueEvents;
import dev.peregrine.execution.application.port.in.Reconciliation;
import dev.peregrine.execution.domain.Order;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the stream told execution; optionally fails every call, like a use case whose database is down. */
final class RecordingVenueEvents implements OnVenueEvents {

    final List<String> ordersChanged = new CopyOnWriteArrayList<>();
    final List<AccountSnapshot> accounts = new CopyOnWriteArrayList<>();
    final List<String> gaps = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    void failEveryCall() {
        failing = true;
    }

    @Override
    public Optional<Order> orderChanged(String clientOrderId) {
        ordersChanged.add(clientOrderId);
        failIfAsked();
        return Optional.empty();
    }

    @Override
    public void accountChanged(AccountSnapshot snapshot) {
        accounts.add(snapshot);
        failIfAsked();
    }

    @Override
    public Reconciliation streamGap(String why) {
        gaps.add(why);
        failIfAsked();
        return new Reconciliation(0, 0, 0, 0, true);
    }

    /** How often an order was reported changed. */
    long changesOf(String clientOrderId) {
        return ordersChanged.stream().filter(clientOrderId::equals).count();
    }

    private void failIfAsked() {
        if (failing) {
            throw new IllegalStateException("the database is down");
        }
    }
}
