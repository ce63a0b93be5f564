package dev.peregrine.execution.application;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.Reason;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.OrderWrites;
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
 * ({@link ProtectivePair}), and a protective leg's fill cancels the other leg ({@code OCO_OTHER_LEG_FILLED}).
 * The new legs are then settled at once, since the candles that execute them may already be known.
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
     * Fills or refuses {@code order} if it is working and the venue has executed it, stores the change with
     * what it sets off and publishes their reports.
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
        Order settled = change.order();
        List<OrderWrites.NewOrder> legs = settled.state() == OrderState.FILLED && settled.purpose() == OrderPurpose.ENTRY
                ? protectionOf(settled, now) : List.of();
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
            metrics.orderTransitioned(OrderState.NEW);
            metrics.orderTransitioned(leg.order().state());
            reports.current(leg.order()).ifPresent(publisher::publish);
        }
        for (OrderChange canceled : updates.subList(1, updates.size())) {
            metrics.orderTransitioned(canceled.order().state());
            reports.current(canceled.order()).ifPresent(publisher::publish);
        }
        for (OrderWrites.NewOrder leg : legs) {
            settleIfExecuted(leg.order());
        }
        return Optional.of(settled);
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

    /** The protective legs a filled entry rests, each submitted to the venue. */
    private List<OrderWrites.NewOrder> protectionOf(Order entry, Instant now) {
        List<OrderWrites.NewOrder> legs = new ArrayList<>(2);
        for (OrderTerms terms : ProtectivePair.legsOf(entry)) {
            OrderChange opened = Order.open(terms, venue.name(), now, "rested as the " + terms.purpose()
                    + " of entry " + entry.clientOrderId() + " (stop " + entry.role().stopLoss() + ", take-profit "
                    + entry.role().takeProfit() + ")");
            OrderChange decided = switch (venue.submit(opened.order())) {
                case VenueSubmission.Acknowledged ack -> opened.order().accept(ack.venueOrderId(), now);
                case VenueSubmission.Refused refused -> opened.order().reject(refused.reason(), now);
            };
            legs.add(new OrderWrites.NewOrder(decided.order(), List.of(opened.transition(), decided.transition())));
        }
        return legs;
    }

    /** One-cancels-the-other: the cancel of the other leg of {@code filledLeg}'s pair, if it is still working. */
    private Optional<OrderChange> otherLegCanceledBy(Order filledLeg, Instant now) {
        return orders.find(ProtectivePair.otherLegOf(filledLeg))
                .filter(other -> other.state() == OrderState.ACCEPTED)
                .map(other -> other.cancel(new Cancellation(Reason.of(CancelCodes.OCO_OTHER_LEG_FILLED,
                        "the " + filledLeg.purpose() + " leg of the pair filled"), filledLeg.clientOrderId()),
                        filledLeg.settledAt(), now));
    }
}
