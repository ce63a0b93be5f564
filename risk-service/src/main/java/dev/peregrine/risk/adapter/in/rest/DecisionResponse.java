package dev.peregrine.risk.adapter.in.rest;

import dev.peregrine.common.event.Reason;
import dev.peregrine.risk.domain.RecordedDecision;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A decision as the API shows it; decimals are plain strings so no client reads them as floating point. */
public record DecisionResponse(
        UUID decisionId,
        UUID signalId,
        String strategyId,
        String symbol,
        String side,
        String outcome,
        String quantity,
        String entryPrice,
        String stopPrice,
        String riskAmount,
        String riskCurrency,
        List<Reason> reasons,
        UUID correlationId,
        UUID causationId,
        Instant decidedAt) {

    static DecisionResponse of(RecordedDecision decision) {
        return new DecisionResponse(
                decision.decisionId(),
                decision.signalId(),
                decision.strategyId(),
                decision.symbol().value(),
                decision.side().name(),
                decision.outcome().name(),
                decision.quantity() == null ? null : decision.quantity().text(),
                decision.entryPrice().text(),
                decision.stopPrice().text(),
                decision.riskAmount() == null
                        ? null
                        : decision.riskAmount().amount().toPlainString(),
                decision.riskAmount() == null ? null : decision.riskAmount().currency(),
                decision.reasons(),
                decision.correlationId(),
                decision.causationId(),
                decision.decidedAt());
    }
}
