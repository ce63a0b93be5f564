package dev.peregrine.risk.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.event.TradeDenied;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.risk.application.port.in.DecideOnSignal;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.ReasonCodes;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.domain.RiskDecision;
import dev.peregrine.risk.domain.portfolio.PositionKey;
import dev.peregrine.risk.domain.portfolio.Reservation;
import dev.peregrine.risk.domain.sizing.EntryRequest;
import dev.peregrine.risk.domain.sizing.EntrySizer;
import dev.peregrine.risk.domain.sizing.LimitCheck;
import dev.peregrine.risk.domain.sizing.SizedEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a validated signal against the portfolio. Spot, long only:
 * <ul>
 *   <li>BUY opens a long of that strategy in that symbol, sized by {@link EntrySizer} against every limit, with
 *       its protective stop and take-profit; it reserves its cash;</li>
 *   <li>SELL closes (TRADE) or reduces by the validation's size multiplier (REDUCE) that strategy's long, selling
 *       only what is held and not already being sold; it is denied when the strategy holds nothing.</li>
 * </ul>
 * The decision, its intent and the reservation are stored in one transaction, then announced (the decision and its
 * intent in one publish). Redelivery: the
 * decision id derives from the signal id, and a signal that already has a decision is answered with the stored
 * decision (announced again), never decided a second time.
 */
public final class DecideOnSignalService implements DecideOnSignal {

    private final Book book;
    private final BookKeeper keeper;
    private final EntrySizer sizer;
    private final AccountStates accounts;
    private final ExitPlanner exits;
    private final DecisionStore decisions;
    private final RiskEvents events;
    private final RiskMetrics metrics;
    private final Clock clock;
    private final IdGenerator ids;

    DecideOnSignalService(
            Book book,
            BookKeeper keeper,
            EntrySizer sizer,
            AccountStates accounts,
            ExitPlanner exits,
            DecisionStore decisions,
            RiskEvents events,
            RiskMetrics metrics,
            Clock clock,
            IdGenerator ids) {
        this.book = Objects.requireNonNull(book, "book");
        this.keeper = Objects.requireNonNull(keeper, "keeper");
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.exits = Objects.requireNonNull(exits, "exits");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public RecordedDecision decide(SignalValidated signal) {
        Objects.requireNonNull(signal, "signal");
        Instant received = clock.instant();
        RecordedDecision decision = book.locked(() -> {
            keeper.announcePending();
            Optional<RecordedDecision> known = decisions.findBySignalId(signal.signalId());
            if (known.isPresent()) {
                events.publishDecision(toEvent(known.get(), signal));
                return known.get();
            }
            BookChange change = new BookChange("signal:" + signal.signalId(), signal.candleCloseTime());
            RecordedDecision made = signal.side() == Side.BUY ? entry(signal, change) : exit(signal, change);
            change.decisions.add(made);
            if (!keeper.store(change)) {
                throw new IllegalStateException("signal " + signal.signalId() + " was decided concurrently");
            }
            RiskDecisionEvent event = toEvent(made, signal);
            keeper.announceDecided(change, event);
            metrics.decided(made.outcome(), made.primaryReasonCode());
            if (made.outcome() == Outcome.APPROVED && made.side() == Side.BUY) {
                metrics.approvedNotional(
                        made.quantity().value().multiply(made.entryPrice().value()));
            }
            return made;
        });
        metrics.decisionLatency(Duration.between(received, clock.instant()));
        return decision;
    }

    private RecordedDecision entry(SignalValidated signal, BookChange change) {
        List<Reason> untradeable = untradeable(signal);
        if (!untradeable.isEmpty()) {
            return denied(signal, untradeable);
        }
        PositionKey key = new PositionKey(signal.strategyId(), signal.symbol());
        SizedEntry sized = sizer.size(requestOf(signal, key), accounts.of(book, key, signal.candleCloseTime()));
        for (LimitCheck check : sized.checks()) {
            if (check.status() == LimitCheck.Status.BLOCKS) {
                metrics.limitHit(check.name(), true);
            }
        }
        sized.decision().reasons().stream()
                .filter(r -> r.code().startsWith("CAPPED_BY_"))
                .forEach(r -> metrics.limitHit(r.code().substring("CAPPED_BY_".length()), false));
        return switch (sized.decision()) {
            case RiskDecision.Denied denied -> denied(signal, denied.reasons());
            case RiskDecision.Approved approved -> {
                RecordedDecision decision = new RecordedDecision(
                        RecordedDecision.decisionIdFor(signal.signalId()),
                        signal.signalId(),
                        signal.strategyId(),
                        signal.symbol(),
                        Side.BUY,
                        Outcome.APPROVED,
                        approved.quantity(),
                        signal.referencePrice(),
                        signal.stopPrice(),
                        approved.riskAmount(),
                        approved.reasons(),
                        signal.envelope().correlationId(),
                        signal.envelope().eventId(),
                        clock.instant());
                OrderIntent intent = OrderIntent.entryFor(
                        decision,
                        Price.of(sized.stopLoss()),
                        Price.of(sized.takeProfit()),
                        signal.candleCloseTime(),
                        clock.instant());
                BigDecimal reserve = approved.quantity()
                        .value()
                        .multiply(signal.referencePrice().value())
                        .multiply(BigDecimal.ONE.add(sizer.policy().reservationBuffer()));
                book.portfolio()
                        .reserve(Reservation.entry(
                                intent.clientOrderId(),
                                key,
                                reserve,
                                signal.signalId(),
                                sized.stopLoss(),
                                sized.takeProfit(),
                                signal.candleCloseTime()));
                book.recordOrderSent(signal.candleCloseTime());
                change.intents.add(intent);
                yield decision;
            }
        };
    }

    private RecordedDecision exit(SignalValidated signal, BookChange change) {
        List<Reason> untradeable = untradeable(signal);
        if (!untradeable.isEmpty()) {
            return denied(signal, untradeable);
        }
        PositionKey key = new PositionKey(signal.strategyId(), signal.symbol());
        if (book.portfolio().position(key).isEmpty()) {
            return denied(
                    signal,
                    List.of(Reason.of(
                            ReasonCodes.FLAT_NOTHING_TO_SELL,
                            "strategy " + signal.strategyId() + " holds no "
                                    + signal.symbol().value() + ": spot, long only, there is nothing to sell")));
        }
        BigDecimal fraction = signal.action() == RecommendedAction.REDUCE
                ? BigDecimal.valueOf(signal.sizeMultiplier())
                : BigDecimal.ONE;
        Reason reason = Reason.of(
                ReasonCodes.OPPOSITE_SIGNAL,
                "SELL " + signal.action() + " signal " + signal.signalId()
                        + " of strategy " + signal.strategyId()
                        + (fraction.compareTo(BigDecimal.ONE) < 0
                                ? ": sells " + fraction.stripTrailingZeros().toPlainString() + " of the position"
                                : ": closes the position"));
        Optional<OrderIntent> intent = exits.exit(
                book,
                change,
                key,
                fraction,
                reason,
                RecordedDecision.decisionIdFor(signal.signalId()),
                signal.candleCloseTime(),
                signal.envelope().correlationId());
        if (intent.isEmpty()) {
            return denied(
                    signal,
                    List.of(Reason.of(
                            ReasonCodes.EXIT_ALREADY_PENDING,
                            "everything " + key + " holds is already being sold, or less than one step size is left")));
        }
        return new RecordedDecision(
                RecordedDecision.decisionIdFor(signal.signalId()),
                signal.signalId(),
                signal.strategyId(),
                signal.symbol(),
                Side.SELL,
                Outcome.APPROVED,
                intent.get().quantity(),
                signal.referencePrice(),
                signal.stopPrice(),
                new Money(BigDecimal.ZERO, book.portfolio().quoteAsset()),
                List.of(reason),
                signal.envelope().correlationId(),
                signal.envelope().eventId(),
                clock.instant());
    }

    private static List<Reason> untradeable(SignalValidated signal) {
        List<Reason> reasons = new java.util.ArrayList<>();
        if (signal.action() == RecommendedAction.SKIP) {
            reasons.add(Reason.of(ReasonCodes.ACTION_SKIP, "signal validation recommends SKIP"));
        }
        if (!signal.tradeable()) {
            reasons.add(Reason.of(
                    ReasonCodes.SIGNAL_NOT_TRADEABLE,
                    "the signal is not tradeable (strategy paused" + " or validation SKIP)"));
        }
        return reasons;
    }

    private static EntryRequest requestOf(SignalValidated signal, PositionKey key) {
        // BigDecimal.valueOf takes the double's shortest decimal form: 0.72 stays 0.72.
        return new EntryRequest(
                key,
                signal.referencePrice().value(),
                signal.stopPrice().value(),
                BigDecimal.valueOf(signal.confidence()),
                BigDecimal.valueOf(signal.sizeMultiplier()),
                signal.regime(),
                signal.candleCloseTime());
    }

    private RecordedDecision denied(SignalValidated signal, List<Reason> reasons) {
        return new RecordedDecision(
                RecordedDecision.decisionIdFor(signal.signalId()),
                signal.signalId(),
                signal.strategyId(),
                signal.symbol(),
                signal.side(),
                Outcome.DENIED,
                null,
                signal.referencePrice(),
                signal.stopPrice(),
                null,
                reasons,
                signal.envelope().correlationId(),
                signal.envelope().eventId(),
                clock.instant());
    }

    private RiskDecisionEvent toEvent(RecordedDecision decision, SignalValidated signal) {
        Envelope envelope = Envelope.causedBy(
                signal.envelope(), ids.next(), signal.envelope().eventTime(), clock.instant());
        return switch (decision.outcome()) {
            case APPROVED ->
                new TradeApproved(
                        envelope,
                        decision.decisionId(),
                        decision.signalId(),
                        decision.strategyId(),
                        decision.symbol(),
                        decision.side(),
                        decision.quantity(),
                        decision.entryPrice(),
                        decision.stopPrice(),
                        decision.riskAmount(),
                        decision.reasons());
            case DENIED ->
                new TradeDenied(
                        envelope,
                        decision.decisionId(),
                        decision.signalId(),
                        decision.strategyId(),
                        decision.symbol(),
                        decision.side(),
                        decision.reasons());
        };
    }
}
