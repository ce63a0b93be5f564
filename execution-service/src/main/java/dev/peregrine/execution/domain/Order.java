package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The order aggregate: immutable, each transition method returns the next version with the audit entry
 * that explains it. Asking for a transition the state machine forbids is a programming error, not a
 * business refusal, so it throws {@link IllegalStateException}.
 *
 * @param version       number of transitions so far, starting at 1 for the creation; the audit entry of the
 *                      transition that produced this version has this sequence number
 * @param venueOrderId  the venue's id, known once the venue accepted the order
 * @param fill          the execution, for a FILLED order
 * @param rejectReason  why, for a REJECTED order
 * @param cancellation  why, for a CANCELED order
 * @param settledAt     the market instant at which the venue executed or refused a working order, or at which
 *                      a protective leg was canceled because its other leg filled; null before that, for orders
 *                      refused before acceptance and for cancellations that no candle caused
 */
public record Order(
        OrderTerms terms,
        String venue,
        OrderState state,
        int version,
        String venueOrderId,
        Fill fill,
        Reason rejectReason,
        Cancellation cancellation,
        Instant settledAt,
        Instant createdAt,
        Instant updatedAt) {

    public Order {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1: " + version);
        }
        if ((state == OrderState.FILLED) != (fill != null)) {
            throw new IllegalArgumentException("an order has a fill exactly when it is FILLED (state " + state + ")");
        }
        if ((state == OrderState.REJECTED) != (rejectReason != null)) {
            throw new IllegalArgumentException(
                    "an order has a reject reason exactly when it is REJECTED (state " + state + ")");
        }
        if ((state == OrderState.CANCELED) != (cancellation != null)) {
            throw new IllegalArgumentException(
                    "an order has a cancellation exactly when it is CANCELED (state " + state + ")");
        }
        if ((state == OrderState.ACCEPTED || state == OrderState.FILLED) && venueOrderId == null) {
            throw new IllegalArgumentException("an " + state + " order needs the venue's order id");
        }
    }

    /** A new order for {@code terms}, to be stored (PENDING_SUBMIT) and only then sent to {@code venue}. */
    public static OrderChange open(OrderTerms terms, String venue, Instant at) {
        return open(terms, venue, at, "created from intent " + terms.intentId() + " of strategy " + terms.strategyId());
    }

    /** A new order for {@code terms}, with {@code why} as its first audit entry. */
    public static OrderChange open(OrderTerms terms, String venue, Instant at, String why) {
        Objects.requireNonNull(why, "why");
        Order order = new Order(terms, venue, OrderState.PENDING_SUBMIT, 1, null, null, null, null, null, at, at);
        return new OrderChange(order, new OrderTransition(null, OrderState.PENDING_SUBMIT, at, why));
    }

    /**
     * The venue may or may not have the order: the send timed out or failed in a way that leaves its fate open, or
     * the order was found PENDING_SUBMIT after a crash. Only asking the venue resolves it.
     */
    public OrderChange markUnknown(String why, Instant at) {
        Objects.requireNonNull(why, "why");
        requireMove(OrderState.UNKNOWN);
        return next(OrderState.UNKNOWN, venueOrderId, null, null, null, settledAt, at, "outcome unknown: " + why);
    }

    /** The venue acknowledged the order and works it under {@code venueOrderId}. */
    public OrderChange accept(String venueOrderId, Instant at) {
        return accept(venueOrderId, at, "accepted by " + venue + " as " + venueOrderId);
    }

    /** Accepted, with {@code why} in the audit trail (e.g. an UNKNOWN order the venue was found to have). */
    public OrderChange accept(String venueOrderId, Instant at, String why) {
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(why, "why");
        requireMove(OrderState.ACCEPTED);
        return next(OrderState.ACCEPTED, venueOrderId, null, null, null, null, at, why);
    }

    /** Refused before it could execute: by a safety check or by the venue. */
    public OrderChange reject(Reason reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        requireMove(OrderState.REJECTED);
        return next(OrderState.REJECTED, venueOrderId, null, reason, null, settledAt, at, describe(reason));
    }

    /** A working order the venue would have executed at {@code marketTime} was refused instead. */
    public OrderChange refuseExecution(Reason reason, Instant marketTime, Instant at) {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(marketTime, "marketTime");
        if (state != OrderState.ACCEPTED) {
            throw illegal(OrderState.REJECTED, "only a working (ACCEPTED) order can be refused at execution");
        }
        return next(
                OrderState.REJECTED,
                venueOrderId,
                null,
                reason,
                null,
                marketTime,
                at,
                describe(reason) + " (at market time " + marketTime + ")");
    }

    public OrderChange fill(Fill fill, Instant at) {
        Objects.requireNonNull(fill, "fill");
        requireMove(OrderState.FILLED);
        return next(
                OrderState.FILLED,
                venueOrderId,
                fill,
                null,
                null,
                fill.marketTime(),
                at,
                "filled " + terms.quantity() + " at " + fill.price() + " (market time " + fill.marketTime()
                        + (fill.referencePrice().equals(fill.price())
                                ? ""
                                : ", before slippage " + fill.referencePrice())
                        + "), fee " + fill.fee());
    }

    /**
     * Cancels a working order.
     *
     * @param marketTime the market instant that caused the cancel (the candle on which the other leg of a
     *                   protective pair filled), or null when no candle did
     */
    public OrderChange cancel(Cancellation cancellation, Instant marketTime, Instant at) {
        Objects.requireNonNull(cancellation, "cancellation");
        requireMove(OrderState.CANCELED);
        Reason reason = cancellation.reason();
        return next(
                OrderState.CANCELED,
                venueOrderId,
                null,
                null,
                cancellation,
                marketTime,
                at,
                "canceled " + reason.code() + ": " + reason.detail()
                        + (cancellation.canceledBy() == null ? "" : " (by order " + cancellation.canceledBy() + ")"));
    }

    public OrderPurpose purpose() {
        return terms.purpose();
    }

    public OrderRole role() {
        return terms.role();
    }

    public String clientOrderId() {
        return terms.clientOrderId();
    }

    public UUID intentId() {
        return terms.intentId();
    }

    public Symbol symbol() {
        return terms.symbol();
    }

    public Side side() {
        return terms.side();
    }

    public OrderType type() {
        return terms.type();
    }

    public Quantity quantity() {
        return terms.quantity();
    }

    public Causation causation() {
        return terms.causation();
    }

    public Optional<Fill> fillIfAny() {
        return Optional.ofNullable(fill);
    }

    private OrderChange next(
            OrderState to,
            String nextVenueOrderId,
            Fill nextFill,
            Reason nextReason,
            Cancellation nextCancellation,
            Instant nextSettledAt,
            Instant at,
            String detail) {
        Objects.requireNonNull(at, "at");
        Order after = new Order(
                terms,
                venue,
                to,
                version + 1,
                nextVenueOrderId,
                nextFill,
                nextReason,
                nextCancellation,
                nextSettledAt,
                createdAt,
                at);
        return new OrderChange(after, new OrderTransition(state, to, at, detail));
    }

    private void requireMove(OrderState to) {
        if (!state.canMoveTo(to)) {
            throw illegal(to, state.isFinal() ? state + " is final" : "not a legal move of the order lifecycle");
        }
    }

    private IllegalStateException illegal(OrderState to, String why) {
        return new IllegalStateException(
                "order " + terms.clientOrderId() + " cannot move from " + state + " to " + to + ": " + why);
    }

    private static String describe(Reason reason) {
        return "rejected " + reason.code() + ": " + reason.detail();
    }
}
