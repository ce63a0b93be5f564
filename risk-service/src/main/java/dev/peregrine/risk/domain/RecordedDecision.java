package dev.peregrine.risk.domain;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A decision as it is kept: the outcome for one signal with everything needed to answer for it later and to
 * re-announce it unchanged on redelivery.
 *
 * @param quantity      null when denied
 * @param riskAmount    null when denied
 * @param correlationId the chain's id (the candle event's), carried over from the signal
 * @param causationId   the event id of the signal this decision answers
 */
public record RecordedDecision(
        UUID decisionId,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Side side,
        Outcome outcome,
        Quantity quantity,
        Price entryPrice,
        Price stopPrice,
        Money riskAmount,
        List<Reason> reasons,
        UUID correlationId,
        UUID causationId,
        Instant decidedAt) {

    public RecordedDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision must give at least one reason");
        }
        boolean sized = quantity != null && riskAmount != null;
        if ((outcome == Outcome.APPROVED) != sized) {
            throw new IllegalArgumentException("an approval has a quantity and risk amount, a denial has neither");
        }
        if (sized && quantity.isZero()) {
            throw new IllegalArgumentException("an approval needs a positive quantity");
        }
    }

    /** The decision id for a signal: derived, so the same signal always gets the same decision. */
    public static UUID decisionIdFor(UUID signalId) {
        return DerivedIds.from("decision", signalId);
    }

    /** The first reason is the one that decided; metrics and alerts group by it. */
    public String primaryReasonCode() {
        return reasons.getFirst().code();
    }
}
