package dev.peregrine.execution.application.port.in;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.execution.domain.Order;
import java.util.Optional;

/**
 * What the venue's user data stream tells execution. Events only say that something happened: the order's state is
 * always taken from the venue's own answer to a lookup, so a duplicated, delayed or reordered event changes nothing.
 */
public interface OnVenueEvents {

    /**
     * The venue reported a change of the order it knows as {@code clientOrderId} (an executionReport; for a cancel,
     * the original order's id). Settles it from a lookup, at once, whatever its back-off.
     *
     * @return the order as stored afterwards; empty for an order Peregrine does not know
     */
    Optional<Order> orderChanged(String clientOrderId);

    /** The venue reported the account's balances: they are published for the portfolio. */
    void accountChanged(AccountSnapshot snapshot);

    /** The stream may have missed events (a reconnect, a silent connection): everything is reconciled. */
    Reconciliation streamGap(String why);
}
