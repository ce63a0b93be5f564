package dev.peregrine.execution.application.port.out;

import dev.peregrine.common.event.AccountSnapshot;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.domain.Order;
import java.util.List;
import java.util.Optional;

/**
 * A trading venue: takes orders, cancels them, and says what became of them. Every call may fail without an
 * answer; the answers say so as values ({@link VenueSubmission.Unknown}, {@link VenueLookup.Unanswered},
 * {@link VenueCancel.Unanswered}) and never by throwing.
 */
public interface VenuePort {

    /** The venue's name as reports and the orders table carry it, e.g. {@code paper}. */
    String name();

    /** Sends a stored PENDING_SUBMIT order under its clientOrderId. */
    VenueSubmission submit(Order order);

    /**
     * Sends the protective legs of one position as one-cancels-the-other (on Binance one OCO order list), one answer
     * per leg in the order given.
     */
    List<VenueSubmission> submitProtection(List<Order> legs);

    /** What the venue knows of the order, asked by its clientOrderId. */
    VenueLookup lookup(Order order);

    /** Cancels a working order (for a protective leg: its whole pair). */
    VenueCancel cancel(Order order);

    /**
     * The most of {@code quantity} of {@code symbol} an order may sell at this venue: rounded down to the venue's lot
     * step (Binance refuses other quantities with -1013), never more than asked.
     */
    Quantity sellable(Symbol symbol, Quantity quantity);

    /**
     * Every balance of the account as the venue holds it, for the portfolio; empty when the venue keeps no account of
     * its own (paper) or did not answer.
     */
    Optional<List<AccountSnapshot.AssetBalance>> balances();
}
