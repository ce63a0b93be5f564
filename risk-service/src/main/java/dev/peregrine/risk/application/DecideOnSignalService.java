package dev.peregrine.risk.application;

import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.event.TradeDenied;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.risk.application.port.in.DecideOnSignal;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.application.port.out.EquitySource;
import dev.peregrine.risk.application.port.out.InstrumentFilterSource;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.OrderIntent;
import dev.peregrine.risk.domain.Outcome;
import dev.peregrine.risk.domain.PositionSizer;
import dev.peregrine.risk.domain.RecordedDecision;
import dev.peregrine.risk.domain.RiskDecision;
import dev.peregrine.risk.domain.SizingRequest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Sizes a validated signal, records the decision, then announces it: persist first, publish second, so
 * the caller can acknowledge the signal only once both are safe (at-least-once, never lost).
 *
 * <p>Redelivery: the decision id derives from the signal id and the insert is skipped when a decision
 * exists. The recorded decision (not a fresh computation) is then announced again, so every announcement
 * for a signal says the same thing even if equity or limits changed in between. Only new decisions are
 * counted in the metrics.
 */
public final class DecideOnSignalService implements DecideOnSignal {

    private final PositionSizer sizer;
    private final EquitySource equitySource;
    private final InstrumentFilterSource filterSource;
    private final DecisionStore store;
    private final RiskEvents events;
    private final RiskMetrics metrics;
    private final Clock clock;
    private final IdGenerator idGenerator;

    public DecideOnSignalService(PositionSizer sizer, EquitySource equitySource, InstrumentFilterSource filterSource,
                                 DecisionStore store, RiskEvents events, RiskMetrics metrics, Clock clock,
                                 IdGenerator idGenerator) {
        this.sizer = Objects.requireNonNull(sizer, "sizer");
        this.equitySource = Objects.requireNonNull(equitySource, "equitySource");
        this.filterSource = Objects.requireNonNull(filterSource, "filterSource");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
    }

    @Override
    public RecordedDecision decide(SignalValidated signal) {
        Objects.requireNonNull(signal, "signal");
        Instant received = clock.instant();
        RecordedDecision candidate = evaluate(signal, received);
        boolean isNew = store.insertIfAbsent(candidate);
        RecordedDecision decision = isNew ? candidate : store.findBySignalId(signal.signalId())
                .orElseThrow(() -> new IllegalStateException("decision for signal " + signal.signalId()
                        + " was neither inserted nor found"));

        OrderIntent intent = null;
        if (decision.outcome() == Outcome.APPROVED) {
            intent = OrderIntent.marketOrderFor(decision, signal.candleCloseTime(), clock.instant());
            // Attempted on redelivery too: a crash between the two inserts must not leave an approval without its intent.
            store.insertIfAbsent(intent);
        }

        RiskDecisionEvent decisionEvent = toEvent(decision, signal);
        events.publishDecision(decisionEvent);
        if (intent != null) {
            events.publishIntent(toEvent(intent, decision, decisionEvent.envelope()));
        }

        if (isNew) {
            metrics.decided(decision.outcome(), decision.primaryReasonCode());
            if (decision.outcome() == Outcome.APPROVED) {
                metrics.approvedNotional(decision.quantity().value().multiply(decision.entryPrice().value()));
            }
        }
        metrics.decisionLatency(Duration.between(received, clock.instant()));
        return decision;
    }

    private RecordedDecision evaluate(SignalValidated signal, Instant decidedAt) {
        SizingRequest request = new SizingRequest(signal.side(), signal.action(), signal.tradeable(),
                signal.referencePrice(), signal.stopPrice(),
                // BigDecimal.valueOf takes the double's shortest decimal form: 0.72 stays 0.72.
                BigDecimal.valueOf(signal.confidence()), BigDecimal.valueOf(signal.sizeMultiplier()));
        RiskDecision decision = sizer.size(request, equitySource.currentEquity(), filterSource.filtersFor(signal.symbol()));
        UUID decisionId = RecordedDecision.decisionIdFor(signal.signalId());
        return switch (decision) {
            case RiskDecision.Approved approved -> new RecordedDecision(decisionId, signal.signalId(), signal.strategyId(),
                    signal.symbol(), signal.side(), Outcome.APPROVED, approved.quantity(), signal.referencePrice(),
                    signal.stopPrice(), approved.riskAmount(), approved.reasons(), signal.envelope().correlationId(),
                    signal.envelope().eventId(), decidedAt);
            case RiskDecision.Denied denied -> new RecordedDecision(decisionId, signal.signalId(), signal.strategyId(),
                    signal.symbol(), signal.side(), Outcome.DENIED, null, signal.referencePrice(), signal.stopPrice(),
                    null, denied.reasons(), signal.envelope().correlationId(), signal.envelope().eventId(), decidedAt);
        };
    }

    private RiskDecisionEvent toEvent(RecordedDecision decision, SignalValidated signal) {
        Envelope envelope = Envelope.causedBy(signal.envelope(), idGenerator.next(), signal.envelope().eventTime(),
                clock.instant());
        return switch (decision.outcome()) {
            case APPROVED -> new TradeApproved(envelope, decision.decisionId(), decision.signalId(), decision.strategyId(),
                    decision.symbol(), decision.side(), decision.quantity(), decision.entryPrice(), decision.stopPrice(),
                    decision.riskAmount(), decision.reasons());
            case DENIED -> new TradeDenied(envelope, decision.decisionId(), decision.signalId(), decision.strategyId(),
                    decision.symbol(), decision.side(), decision.reasons());
        };
    }

    private OrderIntentCreated toEvent(OrderIntent intent, RecordedDecision decision, Envelope approval) {
        Envelope envelope = Envelope.causedBy(approval, idGenerator.next(), approval.eventTime(), clock.instant());
        return OrderIntentCreated.entry(envelope, intent.intentId(), intent.clientOrderId(), intent.decisionId(),
                decision.signalId(), decision.strategyId(), intent.symbol(), intent.orderType(), intent.quantity(), null,
                intent.notBefore());
    }
}
