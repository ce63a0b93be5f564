package dev.peregrine.monitor.domain;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.event.TradeDenied;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A risk decision as the monitor keeps it.
 *
 * @param quantity the approved size; absent exactly when the trade was denied
 */
public record RecordedDecision(
        UUID decisionId,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        DecisionOutcome outcome,
        Optional<Quantity> quantity,
        List<Reason> reasons,
        UUID correlationId,
        Instant recordedAt)
        implements FlowRecord {

    public RecordedDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(quantity, "quantity");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if ((outcome == DecisionOutcome.APPROVED) != quantity.isPresent()) {
            throw new IllegalArgumentException("an approved decision has a quantity and a denied one has none: "
                    + outcome + " with quantity " + quantity.map(Quantity::text).orElse("none"));
        }
    }

    public static RecordedDecision from(RiskDecisionEvent event, Instant recordedAt) {
        UUID correlationId = event.envelope().correlationId();
        return switch (event) {
            case TradeApproved approved ->
                new RecordedDecision(
                        approved.decisionId(),
                        approved.signalId(),
                        approved.strategyId(),
                        approved.symbol(),
                        DecisionOutcome.APPROVED,
                        Optional.of(approved.quantity()),
                        approved.reasons(),
                        correlationId,
                        recordedAt);
            case TradeDenied denied ->
                new RecordedDecision(
                        denied.decisionId(),
                        denied.signalId(),
                        denied.strategyId(),
                        denied.symbol(),
                        DecisionOutcome.DENIED,
                        Optional.empty(),
                        denied.reasons(),
                        correlationId,
                        recordedAt);
        };
    }
}
