package dev.peregrine.risk.application;

import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.PortfolioValued;
import dev.peregrine.common.event.PositionChanged;
import dev.peregrine.common.event.RiskControlChanged;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.application.port.out.LedgerCommit;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.control.ControlTransition;
import dev.peregrine.risk.domain.control.RiskControls;
import dev.peregrine.risk.domain.portfolio.Money18;
import dev.peregrine.risk.domain.portfolio.Position;
import dev.peregrine.risk.domain.portfolio.Valuation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores a {@link BookChange} in one transaction, then announces it: order intents, position changes, control
 * transitions (each also an alert), the account's value, and the metrics. Store first, announce second: an intent
 * whose announcement failed stays marked unpublished in the ledger and is announced again before the next change.
 */
final class BookKeeper {

    static final String SOURCE = "risk-service";

    private final Book book;
    private final RiskLedger ledger;
    private final RiskEvents events;
    private final RiskMetrics metrics;
    private final CorrelationGroupSource groups;
    private final IdGenerator ids;
    private final Clock clock;
    /**
     * Whether an intent may be stored but unannounced: true at start-up and from a store with intents until their
     * announcement succeeded. Saves asking the ledger on every candle (the hot path) when nothing can be pending.
     */
    private boolean pendingPossible = true;

    BookKeeper(
            Book book,
            RiskLedger ledger,
            RiskEvents events,
            RiskMetrics metrics,
            CorrelationGroupSource groups,
            IdGenerator ids,
            Clock clock) {
        this.book = Objects.requireNonNull(book, "book");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Call under the book's lock. False (nothing stored) when the change's fact was applied before. */
    boolean store(BookChange change) {
        Valuation valuation = book.portfolio().valuation();
        if (!change.intents.isEmpty()) {
            pendingPossible = true;
        }
        return ledger.commit(new LedgerCommit(
                change.factKey,
                book::state,
                change.decisions,
                change.intents,
                change.positions,
                change.transitions,
                change.anomalies,
                valuation,
                book.portfolio().marketTime().orElse(change.at),
                change.at));
    }

    /** Call under the book's lock, after {@link #store}. {@code cause} is the triggering event's envelope, if any. */
    void announce(BookChange change, Envelope cause) {
        for (OrderIntent intent : change.intents) {
            publishIntent(intent, cause);
        }
        announceAfterIntents(change, cause);
    }

    /**
     * Call under the book's lock, after {@link #store}: a decision and the intents it made are announced together
     * (one wait for the broker instead of two on the signal's path), then the rest of the change as {@link #announce}.
     */
    void announceDecided(BookChange change, RiskDecisionEvent decision) {
        Envelope cause = decision.envelope();
        List<OrderIntentCreated> created = new ArrayList<>(change.intents.size());
        change.intents.forEach(intent -> created.add(intentCreated(intent, cause)));
        events.publishDecisionWithIntents(decision, created);
        change.intents.forEach(intent -> ledger.markPublished(intent.intentId(), clock.instant()));
        announceAfterIntents(change, cause);
    }

    private void announceAfterIntents(BookChange change, Envelope cause) {
        if (!change.intents.isEmpty()) {
            announcePending();
        }
        for (Position position : change.positions) {
            events.publishPortfolio(positionChanged(position, cause));
        }
        Valuation valuation = book.portfolio().valuation();
        RiskControls controls = book.controls();
        for (ControlTransition transition : change.transitions) {
            events.publishPortfolio(new RiskControlChanged(
                    envelope(cause, transition.at()),
                    transition.control(),
                    transition.from(),
                    transition.to(),
                    transition.actor(),
                    transition.reason(),
                    money(transition.equity()),
                    money(transition.dailyPnl()),
                    Money18.shown(transition.drawdown())));
            events.publishAlert(alertOf(transition, cause));
            metrics.transition(transition);
        }
        change.anomalies.forEach(a -> metrics.anomaly(a.substring(0, Math.max(0, a.indexOf(':')))));
        if (change.announceValuation || !change.transitions.isEmpty() || !change.positions.isEmpty()) {
            events.publishPortfolio(new PortfolioValued(
                    envelope(cause, change.at),
                    money(valuation.equity()),
                    money(valuation.cash()),
                    money(valuation.reserved()),
                    money(valuation.grossExposure()),
                    money(valuation.dailyPnl()),
                    money(valuation.highWaterMark()),
                    Money18.shown(valuation.drawdown()),
                    controls.breaker().name(),
                    controls.killSwitch(),
                    valuation.openPositions()));
        }
        metrics.portfolio(
                valuation,
                exposureByGroup(valuation),
                controls.breaker().name(),
                controls.drawdownHalted(),
                controls.killSwitch());
    }

    /** Announces intents a failed announcement left behind. Call under the book's lock. */
    void announcePending() {
        if (!pendingPossible) {
            return;
        }
        for (OrderIntent intent : ledger.unpublishedIntents()) {
            publishIntent(intent, null);
        }
        pendingPossible = false;
    }

    /** The latest version of a strategy's position in a symbol, announced again (for a redelivered fill). */
    void reannouncePosition(String strategyId, dev.peregrine.common.value.Symbol symbol, Envelope cause) {
        ledger.positions(null, strategyId, symbol.value(), 1)
                .forEach(position -> events.publishPortfolio(positionChanged(position, cause)));
    }

    Map<String, BigDecimal> exposureByGroup(Valuation valuation) {
        Map<String, BigDecimal> byGroup = new TreeMap<>();
        valuation
                .exposureBySymbol()
                .forEach((symbol, value) -> byGroup.merge(groups.groupOf(symbol), value, BigDecimal::add));
        return byGroup;
    }

    private void publishIntent(OrderIntent intent, Envelope cause) {
        events.publishIntent(intentCreated(intent, cause));
        ledger.markPublished(intent.intentId(), clock.instant());
    }

    private OrderIntentCreated intentCreated(OrderIntent intent, Envelope cause) {
        Envelope envelope = cause == null
                ? new Envelope(
                        ids.next(),
                        Envelope.CURRENT_SCHEMA_VERSION,
                        intent.notBefore(),
                        clock.instant(),
                        intent.correlationId(),
                        intent.correlationId())
                : Envelope.causedBy(cause, ids.next(), cause.eventTime(), clock.instant());
        return new OrderIntentCreated(
                envelope,
                intent.intentId(),
                intent.clientOrderId(),
                intent.decisionId(),
                intent.signalId(),
                intent.strategyId(),
                intent.symbol(),
                intent.side(),
                intent.orderType(),
                intent.quantity(),
                null,
                intent.notBefore(),
                intent.purpose(),
                intent.stopLoss(),
                intent.takeProfit(),
                intent.exitReason());
    }

    private PositionChanged positionChanged(Position position, Envelope cause) {
        return new PositionChanged(
                envelope(cause, position.isOpen() ? position.openedAt() : position.closedAt()),
                position.positionId(),
                position.key().strategyId(),
                position.key().symbol(),
                position.isOpen() ? PositionChanged.PositionStatus.OPEN : PositionChanged.PositionStatus.CLOSED,
                Quantity.of(Money18.trim(position.quantity())),
                Price.of(Money18.shown(position.averageEntry())),
                money(position.realisedPnl()),
                money(position.fees()),
                position.openedAt(),
                position.closedAt(),
                position.lastCause(),
                position.closeReason());
    }

    private AlertRaised alertOf(ControlTransition transition, Envelope cause) {
        boolean tripped = transition.to().equals("HALTED") || transition.to().equals("ON");
        Severity severity = tripped ? Severity.CRITICAL : Severity.WARNING;
        String runbook = switch (transition.control()) {
            case ControlTransition.KILL_SWITCH ->
                "release with DELETE /api/v1/risk/kill-switch once the cause is fixed";
            case ControlTransition.DRAWDOWN_LIMIT -> "review the strategies, then POST /api/v1/risk/breaker/reset";
            case ControlTransition.CAPITAL_RAMP ->
                "GET /api/v1/risk/capital-ramp shows it; only an OPERATOR changes it";
            default -> "entries resume by themselves after the cooldown, or POST /api/v1/risk/breaker/reset";
        };
        // The ramp's states are numbers in words, not names: its alert has one code.
        String code = transition.control().equals(ControlTransition.CAPITAL_RAMP)
                ? "CAPITAL_RAMP_SET"
                : transition.control() + "_" + transition.to();
        return new AlertRaised(
                envelope(cause, transition.at()),
                severity,
                SOURCE,
                transition.control(),
                code,
                transition.control() + " " + transition.from() + " -> "
                        + transition.to() + " by " + transition.actor() + ": "
                        + transition.reason().detail() + ". Runbook: "
                        + runbook);
    }

    private Envelope envelope(Envelope cause, Instant eventTime) {
        if (cause != null) {
            return Envelope.causedBy(cause, ids.next(), eventTime, clock.instant());
        }
        UUID id = ids.next();
        return Envelope.root(id, eventTime, clock.instant());
    }

    private Money money(BigDecimal amount) {
        return new Money(Money18.shown(amount), book.portfolio().quoteAsset());
    }
}
