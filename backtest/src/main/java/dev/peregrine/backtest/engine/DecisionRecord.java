package dev.peregrine.backtest.engine;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * risk-service's answer to one signal, as it stores it ({@code risk.decisions}).
 *
 * @param decisionId  derived from the signal id
 * @param approved    APPROVED or DENIED
 * @param quantity    the intent's quantity for an approval (base asset), null when denied
 * @param entryPrice  the signal's reference price
 * @param riskAmount  what the entry loses at its stop (quote asset), null when denied; zero for an exit
 * @param reasons     why: the denial's reasons, or the approval's sizing and capping reasons
 * @param decidedAt   the candle close time the decision was made at (the backtest's clock)
 */
public record DecisionRecord(
        UUID decisionId,
        UUID signalId,
        String strategyId,
        Symbol symbol,
        Side side,
        boolean approved,
        BigDecimal quantity,
        BigDecimal entryPrice,
        BigDecimal stopPrice,
        BigDecimal riskAmount,
        List<Reason> reasons,
        Instant decidedAt) {

    public DecisionRecord {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(side, "side");
        reasons = List.copyOf(reasons);
    }

    /** The decisive reason's code (the first one), e.g. POSITION_OPEN or RISK_BUDGET. */
    public String primaryReasonCode() {
        return reasons.isEmpty() ? "" : reasons.getFirst().code();
    }
}
