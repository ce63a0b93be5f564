package dev.peregrine.execution.application;

import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.execution.application.port.in.PlaceOrderUseCase;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.OrderWrites;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.CancelCodes;
import dev.peregrine.execution.domain.Cancellation;
import dev.peregrine.execution.domain.Causation;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderRole;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.OrderTerms;
import dev.peregrine.execution.domain.Position;
import dev.peregrine.execution.domain.RejectionCodes;
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
 * <p>An EXIT first cancels the resting protective legs of the strategy's position in the symbol
 * ({@code CANCELED_FOR_EXIT}), then sells only what is still held ({@link Position}): min(asked, held). With
 * nothing held (a stop or take-profit sold it, or an earlier exit claimed it) it is rejected
 * ({@code NOTHING_HELD}) and nothing is canceled or sold. An exit refused for any reason cancels nothing, so the
 * position stays protected. The cancels and the exit are stored together.
 *
 * <p>An intent whose clientOrderId is already known creates nothing: the stored order's reports (and those of
 * the orders it made or canceled) are published again, because the first delivery may have stored the order
 * and then failed to publish before its input was acknowledged. Consumers deduplicate reports by clientOrderId.
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
        if (intent.purpose() == OrderPurpose.EXIT) {
            return placeExit(intent);
        }
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

    private Order placeExit(OrderIntentCreated intent) {
        if (orders.find(intent.clientOrderId()).isPresent()) {
            return alreadyKnown(intent);
        }
        Instant now = clock.instant();
        OrderTerms asked = termsOf(intent);
        List<Order> position = orders.position(intent.strategyId(), intent.symbol());
        Position held = Position.of(position);
        Quantity quantity = held.isFlat() ? asked.quantity() : held.exitQuantity(asked.quantity());
        OrderChange opened = Order.open(asked.withQuantity(quantity), venue.name(), now,
                "created from exit intent " + intent.intentId() + " of strategy " + intent.strategyId() + " ("
                        + intent.exitReason().code() + "): asked to sell " + asked.quantity() + ", " + held.held()
                        + " held");
        OrderChange decided = decideExit(opened.order(), held, now);
        Order exit = decided.order();
        List<OrderChange> cancels = exit.state() == OrderState.ACCEPTED ? protectionCanceledFor(exit, position, now)
                : List.of();
        boolean stored = orders.write(new OrderWrites(
                List.of(new OrderWrites.NewOrder(exit, List.of(opened.transition(), decided.transition()))), cancels));
        if (!stored) {
            if (orders.find(intent.clientOrderId()).isPresent()) {
                return alreadyKnown(intent);
            }
            throw new IllegalStateException("the " + intent.symbol() + " position of strategy " + intent.strategyId()
                    + " changed while exit " + intent.clientOrderId() + " was placed; the intent will be retried");
        }
        for (OrderChange cancel : cancels) {
            metrics.orderTransitioned(OrderState.CANCELED);
            reports.current(cancel.order()).ifPresent(publisher::publish);
        }
        metrics.orderTransitioned(OrderState.NEW);
        metrics.orderTransitioned(exit.state());
        reports.current(exit).ifPresent(publisher::publish);
        return execution.settleIfExecuted(exit).orElse(exit);
    }

    /** Refused like any order by the safety checks or the venue; else, with nothing held, NOTHING_HELD. */
    private OrderChange decideExit(Order exit, Position held, Instant now) {
        if (held.isFlat() && safety.beforeAcceptance(exit.terms()) instanceof SafetyDecision.Approved) {
            return exit.reject(Reason.of(RejectionCodes.NOTHING_HELD, "strategy " + exit.terms().strategyId()
                    + " holds no " + exit.symbol() + " that is not already sold or being sold"), now);
        }
        return decide(exit, now);
    }

    /** The cancels of the position's resting protective legs, which {@code exit} takes over from. */
    private static List<OrderChange> protectionCanceledFor(Order exit, List<Order> position, Instant now) {
        Cancellation cancellation = new Cancellation(Reason.of(CancelCodes.CANCELED_FOR_EXIT,
                "protective order canceled before exit " + exit.clientOrderId() + " of the position"),
                exit.clientOrderId());
        return position.stream()
                .filter(order -> order.state() == OrderState.ACCEPTED && order.role().isProtective())
                .map(leg -> leg.cancel(cancellation, null, now))
                .toList();
    }

    private OrderChange decide(Order order, Instant now) {
        return switch (safety.beforeAcceptance(order.terms())) {
            case SafetyDecision.Denied denied -> order.reject(denied.reason(), now);
            case SafetyDecision.Approved approved -> submit(order, now);
        };
    }

    private OrderChange submit(Order order, Instant now) {
        return switch (venue.submit(order)) {
            case VenueSubmission.Acknowledged ack -> order.accept(ack.venueOrderId(), now);
            case VenueSubmission.Refused refused -> order.reject(refused.reason(), now);
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
        execution.reportAgain(existing);
        return execution.settleIfExecuted(existing).orElse(existing);
    }

    private static OrderTerms termsOf(OrderIntentCreated intent) {
        OrderRole role = switch (intent.purpose()) {
            case ENTRY -> OrderRole.entry(intent.stopLoss(), intent.takeProfit());
            case EXIT -> OrderRole.exit(intent.exitReason());
            case STOP_LOSS, TAKE_PROFIT -> throw new IllegalArgumentException("intent " + intent.intentId()
                    + " asks for a " + intent.purpose() + "; protective orders are execution's own");
        };
        return new OrderTerms(intent.clientOrderId(), intent.intentId(), intent.strategyId(), intent.symbol(),
                intent.side(), intent.orderType(), intent.quantity(), intent.limitPrice(), intent.notBefore(),
                new Causation(intent.envelope().correlationId(), intent.envelope().eventId(),
                        intent.envelope().eventTime()), role);
    }
}
