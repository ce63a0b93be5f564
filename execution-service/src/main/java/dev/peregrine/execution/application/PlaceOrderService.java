package dev.peregrine.execution.application;

import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.execution.application.port.in.PlaceOrder;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.OrderWrites;
import dev.peregrine.execution.application.port.out.VenueCancel;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.domain.CancelCodes;
import dev.peregrine.execution.domain.Cancellation;
import dev.peregrine.execution.domain.Causation;
import dev.peregrine.execution.domain.IntentFreshness;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Places the order an intent asks for. Write before you send: the order is stored PENDING_SUBMIT in its own
 * transaction, only then sent to the venue, and the venue's answer (ACCEPTED, REJECTED, or UNKNOWN when the answer
 * leaves the order's fate open) is stored next; it is then filled at once if the venue already executed it. An
 * order refused by the safety checks is stored REJECTED and never sent.
 *
 * <p>An EXIT first cancels the working protective legs of the strategy's position in the symbol at the venue
 * ({@code CANCELED_FOR_EXIT}), then sells only what is still held ({@link Position}): min(asked, held). A leg the
 * venue says is no longer working is settled first (it may have sold the position). With nothing held it is rejected
 * ({@code NOTHING_HELD}) and nothing is canceled or sold. An exit refused for any reason cancels nothing, so the
 * position stays protected; one whose cancels the venue did not confirm is rejected ({@code CANCEL_UNCONFIRMED})
 * and sells nothing. The cancels and the exit are stored together.
 *
 * <p>An intent whose clientOrderId is already known never reaches the venue again. A stored order that is past
 * PENDING_SUBMIT has its reports (and those of the orders it made or canceled) published again, because the first
 * delivery may have stored it and then failed to publish before its input was acknowledged; consumers deduplicate
 * reports by clientOrderId. One still PENDING_SUBMIT may have been sent before a crash, so it becomes UNKNOWN and is
 * resolved by asking the venue ({@link ResolveOrdersService}).
 */
public final class PlaceOrderService implements PlaceOrder {

    private final OrderStore orders;
    private final VenuePort venue;
    private final SafetyChecks safety;
    private final OrderExecution execution;
    private final ExecutionReports reports;
    private final ExecutionReportPublisher publisher;
    private final ExecutionMetrics metrics;
    private final SymbolLocks locks;
    private final Clock clock;
    private final IntentFreshness freshness;
    private final Clock venueClock;

    /** With no stale-intent rule: paper trading, replays and backtests judge time by the market data. */
    public PlaceOrderService(
            OrderStore orders,
            VenuePort venue,
            SafetyChecks safety,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            SymbolLocks locks,
            Clock clock) {
        this(orders, venue, safety, execution, reports, publisher, metrics, locks, clock, IntentFreshness.off(), clock);
    }

    /**
     * @param freshness  refuses intents too old to act on against a live venue
     * @param venueClock the venue's clock, by which {@code freshness} judges an intent's age
     */
    public PlaceOrderService(
            OrderStore orders,
            VenuePort venue,
            SafetyChecks safety,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            SymbolLocks locks,
            Clock clock,
            IntentFreshness freshness,
            Clock venueClock) {
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.venueClock = Objects.requireNonNull(venueClock, "venueClock");
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
        if (orders.find(intent.clientOrderId()).isPresent()) {
            return alreadyKnown(intent);
        }
        if (intent.purpose() == OrderPurpose.EXIT) {
            return placeExit(intent);
        }
        Instant now = clock.instant();
        OrderChange opened = Order.open(termsOf(intent), venue.name(), now);
        if (checked(opened.order().terms()) instanceof SafetyDecision.Denied denied) {
            return storeRefused(opened, opened.order().reject(denied.reason(), now), intent);
        }
        if (!orders.insert(opened.order(), List.of(opened.transition()))) {
            return alreadyKnown(intent);
        }
        metrics.orderTransitioned(OrderState.PENDING_SUBMIT);
        return execution.recordSubmission(opened.order(), venue.submit(opened.order()));
    }

    private Order placeExit(OrderIntentCreated intent) {
        Instant now = clock.instant();
        OrderTerms asked = termsOf(intent);
        Optional<Order> refused = refusedExit(intent, asked, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        // Cancel the protection at the venue first: a leg that sold meanwhile is settled, and the position re-read.
        List<Order> canceledAtVenue = new ArrayList<>();
        Optional<Reason> unconfirmed = Optional.empty();
        for (Order leg : workingProtection(intent)) {
            switch (venue.cancel(leg)) {
                case VenueCancel.Canceled canceled -> canceledAtVenue.add(leg);
                case VenueCancel.NotWorking notWorking -> execution.settleIfExecuted(leg);
                case VenueCancel.Unanswered unanswered ->
                    unconfirmed = Optional.of(Reason.of(
                            RejectionCodes.CANCEL_UNCONFIRMED,
                            "the venue did not confirm the cancel of protective order " + leg.clientOrderId() + " ("
                                    + unanswered.why() + "); nothing was sold"));
            }
            if (unconfirmed.isPresent()) {
                break;
            }
        }
        List<OrderChange> cancels = cancelsOf(canceledAtVenue, intent.clientOrderId(), now);
        Position held = Position.of(orders.position(venue.name(), intent.strategyId(), intent.symbol()));
        // What the venue can sell of it: on its lot step (the rest stays held, too small to sell on its own).
        Quantity selling =
                held.isFlat() ? Quantity.ZERO : venue.sellable(intent.symbol(), held.exitQuantity(asked.quantity()));
        OrderChange opened = open(intent, asked, selling.isZero() ? asked.quantity() : selling, held, now);
        Optional<Reason> refusal = unconfirmed.or(() -> held.isFlat()
                ? Optional.of(nothingHeld(asked))
                : selling.isZero()
                        ? Optional.of(Reason.of(
                                RejectionCodes.NOTHING_HELD,
                                "strategy " + asked.strategyId() + " holds only " + held.held() + " " + asked.symbol()
                                        + ", less than the venue's lot step"))
                        : Optional.empty());
        OrderWrites.NewOrder exit = refusal.map(reason -> opened.order().reject(reason, now))
                .map(rejected ->
                        new OrderWrites.NewOrder(rejected.order(), List.of(opened.transition(), rejected.transition())))
                .orElseGet(() -> new OrderWrites.NewOrder(opened.order(), List.of(opened.transition())));
        if (!orders.write(new OrderWrites(List.of(exit), cancels))) {
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
        metrics.orderTransitioned(OrderState.PENDING_SUBMIT);
        if (exit.order().state() == OrderState.REJECTED) {
            metrics.orderTransitioned(OrderState.REJECTED);
            reports.current(exit.order()).ifPresent(publisher::publish);
            return exit.order();
        }
        return execution.recordSubmission(exit.order(), venue.submit(exit.order()));
    }

    /** The local cancels of legs the venue canceled, from their stored state (settling a leg may have moved one). */
    private List<OrderChange> cancelsOf(List<Order> canceledAtVenue, String exitClientOrderId, Instant now) {
        Cancellation cancellation = new Cancellation(
                Reason.of(
                        CancelCodes.CANCELED_FOR_EXIT,
                        "protective order canceled before exit " + exitClientOrderId + " of the position"),
                exitClientOrderId);
        return canceledAtVenue.stream()
                .flatMap(leg -> orders.find(leg.clientOrderId()).stream())
                .filter(leg -> leg.state() == OrderState.ACCEPTED)
                .map(leg -> leg.cancel(cancellation, null, now))
                .toList();
    }

    /** The exit stored REJECTED if the safety checks refuse it or nothing is held; nothing is canceled then. */
    private Optional<Order> refusedExit(OrderIntentCreated intent, OrderTerms asked, Instant now) {
        Position held = Position.of(orders.position(venue.name(), intent.strategyId(), intent.symbol()));
        Quantity quantity = held.isFlat() ? asked.quantity() : held.exitQuantity(asked.quantity());
        OrderChange opened = open(intent, asked, quantity, held, now);
        return switch (checked(opened.order().terms())) {
            case SafetyDecision.Denied denied ->
                Optional.of(storeRefused(opened, opened.order().reject(denied.reason(), now), intent));
            case SafetyDecision.Approved approved ->
                held.isFlat()
                        ? Optional.of(storeRefused(opened, opened.order().reject(nothingHeld(asked), now), intent))
                        : Optional.empty();
        };
    }

    /** The checks that need no venue: the safety checks, then the intent's age by the venue's clock. */
    private SafetyDecision checked(OrderTerms terms) {
        SafetyDecision safe = safety.beforeAcceptance(terms);
        return safe instanceof SafetyDecision.Denied ? safe : freshness.judge(terms, venueClock.instant());
    }

    private List<Order> workingProtection(OrderIntentCreated intent) {
        return orders.position(venue.name(), intent.strategyId(), intent.symbol()).stream()
                .filter(order ->
                        order.state() == OrderState.ACCEPTED && order.role().isProtective())
                .toList();
    }

    private OrderChange open(
            OrderIntentCreated intent, OrderTerms asked, Quantity quantity, Position held, Instant now) {
        return Order.open(
                asked.withQuantity(quantity),
                venue.name(),
                now,
                "created from exit intent " + intent.intentId() + " of strategy " + intent.strategyId() + " ("
                        + intent.exitReason().code() + "): asked to sell " + asked.quantity() + ", " + held.held()
                        + " held");
    }

    private static Reason nothingHeld(OrderTerms exit) {
        return Reason.of(
                RejectionCodes.NOTHING_HELD,
                "strategy " + exit.strategyId() + " holds no " + exit.symbol()
                        + " that is not already sold or being sold");
    }

    /** Stores an order refused before anything was sent, with its creation, and reports it. */
    private Order storeRefused(OrderChange opened, OrderChange rejected, OrderIntentCreated intent) {
        if (!orders.insert(rejected.order(), List.of(opened.transition(), rejected.transition()))) {
            return alreadyKnown(intent);
        }
        metrics.orderTransitioned(OrderState.PENDING_SUBMIT);
        metrics.orderTransitioned(OrderState.REJECTED);
        reports.current(rejected.order()).ifPresent(publisher::publish);
        return rejected.order();
    }

    private Order alreadyKnown(OrderIntentCreated intent) {
        Order existing = orders.find(intent.clientOrderId())
                .orElseThrow(() -> new IllegalArgumentException(
                        "intent " + intent.intentId() + " already has an order under another clientOrderId; refusing '"
                                + intent.clientOrderId() + "'"));
        if (!existing.intentId().equals(intent.intentId())) {
            throw new IllegalArgumentException("clientOrderId '" + intent.clientOrderId()
                    + "' already belongs to intent " + existing.intentId() + "; refusing intent " + intent.intentId());
        }
        if (existing.state() == OrderState.PENDING_SUBMIT) {
            // An earlier delivery stored it and may have sent it before it stopped: only the venue can say.
            OrderChange unknown = existing.markUnknown(
                    "found PENDING_SUBMIT when intent " + intent.intentId()
                            + " came again; it may have been sent before the earlier attempt stopped",
                    clock.instant());
            if (orders.update(unknown)) {
                metrics.orderTransitioned(OrderState.UNKNOWN);
                return unknown.order();
            }
            return orders.find(existing.clientOrderId()).orElse(existing);
        }
        execution.reportAgain(existing);
        return execution.settleIfExecuted(existing).orElse(existing);
    }

    private static OrderTerms termsOf(OrderIntentCreated intent) {
        OrderRole role = switch (intent.purpose()) {
            case ENTRY -> OrderRole.entry(intent.stopLoss(), intent.takeProfit());
            case EXIT -> OrderRole.exit(intent.exitReason());
            case STOP_LOSS, TAKE_PROFIT ->
                throw new IllegalArgumentException("intent " + intent.intentId() + " asks for a " + intent.purpose()
                        + "; protective orders are execution's own");
        };
        return new OrderTerms(
                intent.clientOrderId(),
                intent.intentId(),
                intent.strategyId(),
                intent.symbol(),
                intent.side(),
                intent.orderType(),
                intent.quantity(),
                intent.limitPrice(),
                intent.notBefore(),
                new Causation(
                        intent.envelope().correlationId(),
                        intent.envelope().eventId(),
                        intent.envelope().eventTime()),
                role);
    }
}
