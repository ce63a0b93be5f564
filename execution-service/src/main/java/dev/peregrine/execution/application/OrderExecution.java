package dev.peregrine.execution.application;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.Reason;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.OrderWrites;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.CancelCodes;
import dev.peregrine.execution.domain.Cancellation;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.OrderTerms;
import dev.peregrine.execution.domain.ProtectivePair;
import dev.peregrine.execution.domain.SafetyChecks;
import dev.peregrine.execution.domain.SafetyDecision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles a working order once the venue has executed it: a fill that passes the execution-time safety
 * checks fills the order, one that does not rejects it. Shared by both ways an order can become
 * executable: its intent arriving after the fill candle, or the fill candle arriving after the intent.
 *
 * <p>What a fill sets off is stored with it, atomically: an entry's fill rests its protective pair
 * ({@link ProtectivePair}), stored PENDING_SUBMIT and sent only after that write, and a protective leg's fill cancels
 * the other leg ({@code OCO_OTHER_LEG_FILLED}). The new legs are then settled at once, since the candles that
 * execute them may already be known.
 */
public final class OrderExecution {

    private final OrderStore orders;
    private final VenuePort venue;
    private final SafetyChecks safety;
    private final ExecutionReports reports;
    private final ExecutionReportPublisher publisher;
    private final ExecutionMetrics metrics;
    private final Clock clock;

    public OrderExecution(
            OrderStore orders,
            VenuePort venue,
            SafetyChecks safety,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The venue's name, as its orders carry it: each venue settles only its own orders. */
    public String venueName() {
        return venue.name();
    }

    /**
     * Fills or refuses {@code order} if it is working and the venue has executed it, or cancels it if the venue ended
     * it without executing it; stores the change with what it sets off and publishes their reports.
     *
     * @return the settled order; empty if nothing changed (not working, still working or no answer from the venue,
     *         or settled concurrently by another consumer, which reports it itself)
     */
    public Optional<Order> settleIfExecuted(Order order) {
        if (order.state() != OrderState.ACCEPTED) {
            return Optional.empty();
        }
        return settleAs(order, venue.lookup(order));
    }

    /** Settles a working order as the venue's answer {@code lookup} about it says (see {@link #settleIfExecuted}). */
    public Optional<Order> settleAs(Order order, VenueLookup lookup) {
        if (order.state() != OrderState.ACCEPTED) {
            return Optional.empty();
        }
        return switch (lookup) {
            case VenueLookup.Executed executed -> settle(order, executed.fill());
            case VenueLookup.Ended ended -> endedAtVenue(order, ended);
            case VenueLookup.Working working -> Optional.empty();
            case VenueLookup.Unanswered unanswered -> Optional.empty();
            // A working order the venue does not know: reconciliation records the difference; nothing is assumed here.
            case VenueLookup.Absent absent -> Optional.empty();
        };
    }

    /**
     * Stores what the venue answered to the send of a stored PENDING_SUBMIT order, reports it, and settles it at once
     * if it already executed.
     *
     * @return the order as stored now
     */
    public Order recordSubmission(Order pending, VenueSubmission submission) {
        Order answered = storeSubmission(pending, submission);
        reports.current(answered).ifPresent(publisher::publish);
        return settleIfExecuted(answered).orElse(answered);
    }

    private Order storeSubmission(Order pending, VenueSubmission submission) {
        Instant now = clock.instant();
        OrderChange change = switch (submission) {
            case VenueSubmission.Acknowledged ack -> pending.accept(ack.venueOrderId(), now);
            case VenueSubmission.Refused refused -> pending.reject(refused.reason(), now);
            case VenueSubmission.Unknown unknown -> pending.markUnknown(unknown.why(), now);
        };
        if (!orders.update(change)) {
            // Only one thread works a symbol at a time; a stored order that moved on was resolved by someone else.
            return orders.find(pending.clientOrderId()).orElse(pending);
        }
        metrics.orderTransitioned(change.order().state());
        return change.order();
    }

    private Optional<Order> settle(Order order, Fill fill) {
        Instant now = clock.instant();
        OrderChange change = switch (safety.beforeExecution(order.terms(), fill.price())) {
            case SafetyDecision.Approved approved -> order.fill(fill, now);
            case SafetyDecision.Denied denied -> order.refuseExecution(denied.reason(), fill.marketTime(), now);
        };
        Order settled = change.order();
        List<OrderWrites.NewOrder> legs =
                settled.state() == OrderState.FILLED && settled.purpose() == OrderPurpose.ENTRY
                        ? protectionOf(settled, now)
                        : List.of();
        List<OrderChange> updates = new ArrayList<>(List.of(change));
        if (settled.state() == OrderState.FILLED && settled.role().isProtective()) {
            otherLegCanceledBy(settled, now).ifPresent(updates::add);
        }
        if (!orders.write(new OrderWrites(legs, updates))) {
            return Optional.empty();
        }
        record(order, settled, fill, now);
        reports.current(settled).ifPresent(publisher::publish);
        for (OrderWrites.NewOrder leg : legs) {
            metrics.orderTransitioned(OrderState.PENDING_SUBMIT);
        }
        for (OrderChange canceled : updates.subList(1, updates.size())) {
            metrics.orderTransitioned(canceled.order().state());
            reports.current(canceled.order()).ifPresent(publisher::publish);
        }
        if (!legs.isEmpty()) {
            submitProtection(legs.stream().map(OrderWrites.NewOrder::order).toList());
        }
        return Optional.of(settled);
    }

    /**
     * Sends a filled entry's stored protective legs as one pair, stores both answers, and only then settles each at
     * once if it already executed (a leg's fill cancels the other, which must be working by then).
     */
    private void submitProtection(List<Order> legs) {
        List<VenueSubmission> answers = venue.submitProtection(legs);
        if (answers.size() != legs.size()) {
            throw new IllegalStateException("venue " + venue.name() + " answered " + answers.size() + " times for "
                    + legs.size() + " protective legs");
        }
        List<Order> answered = new ArrayList<>(legs.size());
        for (int i = 0; i < legs.size(); i++) {
            answered.add(storeSubmission(legs.get(i), answers.get(i)));
        }
        // Both answers are stored before either is reported: a failed publish cannot leave a leg unsent.
        answered.forEach(leg -> reports.current(leg).ifPresent(publisher::publish));
        for (Order leg : answered) {
            orders.find(leg.clientOrderId()).ifPresent(this::settleIfExecuted);
        }
    }

    /** The venue canceled or expired a working order (an operator, the venue's rules, its OCO partner filling). */
    private Optional<Order> endedAtVenue(Order order, VenueLookup.Ended ended) {
        OrderChange change = order.cancel(new Cancellation(ended.reason(), null), null, clock.instant());
        if (!orders.update(change)) {
            return Optional.empty();
        }
        metrics.orderTransitioned(change.order().state());
        reports.current(change.order()).ifPresent(publisher::publish);
        return Optional.of(change.order());
    }

    /**
     * Publishes again every report about {@code order} and the orders it made or canceled (its protective legs,
     * the legs an exit canceled): a first delivery may have stored them and then failed before publishing.
     * Cancels an exit made come before the exit's own reports, an entry's legs after the entry's.
     */
    public void reportAgain(Order order) {
        List<Order> related = orders.relatedTo(order.clientOrderId());
        if (order.purpose() == OrderPurpose.ENTRY) {
            reports.describing(order).forEach(publisher::publish);
            related.forEach(other -> reports.describing(other).forEach(publisher::publish));
        } else {
            related.forEach(other -> reports.describing(other).forEach(publisher::publish));
            reports.describing(order).forEach(publisher::publish);
        }
    }

    private void record(Order working, Order settled, Fill fill, Instant now) {
        metrics.orderTransitioned(settled.state());
        if (settled.state() != OrderState.FILLED) {
            return;
        }
        metrics.orderFilled(settled.symbol(), settled.purpose(), fill.fee(), fill.slippageCost(settled.quantity()));
        if (!settled.role().isProtective()) {
            Duration latency = Duration.between(working.createdAt(), now);
            metrics.marketOrderFillLatency(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    /** The protective legs a filled entry rests, stored PENDING_SUBMIT with its fill and only then sent. */
    private List<OrderWrites.NewOrder> protectionOf(Order entry, Instant now) {
        List<OrderWrites.NewOrder> legs = new ArrayList<>(2);
        for (OrderTerms leg : ProtectivePair.legsOf(entry)) {
            // Each leg sells what the venue can sell of the position: on its lot step.
            OrderTerms terms = leg.withQuantity(venue.sellable(leg.symbol(), leg.quantity()));
            OrderChange opened = Order.open(
                    terms,
                    venue.name(),
                    now,
                    "rested as the " + terms.purpose()
                            + " of entry " + entry.clientOrderId() + " (stop "
                            + entry.role().stopLoss() + ", take-profit "
                            + entry.role().takeProfit() + ")");
            legs.add(new OrderWrites.NewOrder(opened.order(), List.of(opened.transition())));
        }
        return legs;
    }

    /** One-cancels-the-other: the cancel of the other leg of {@code filledLeg}'s pair, if it is still working. */
    private Optional<OrderChange> otherLegCanceledBy(Order filledLeg, Instant now) {
        return orders.find(ProtectivePair.otherLegOf(filledLeg))
                .filter(other -> other.state() == OrderState.ACCEPTED)
                .map(other -> other.cancel(
                        new Cancellation(
                                Reason.of(
                                        CancelCodes.OCO_OTHER_LEG_FILLED,
                                        "the " + filledLeg.purpose() + " leg of the pair filled"),
                                filledLeg.clientOrderId()),
                        filledLeg.settledAt(),
                        now));
    }
}
