package dev.peregrine.risk.domain.sizing;

import dev.peregrine.risk.domain.RiskDecision;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The sizer's answer: the decision, every limit with its numbers, and (for an approval) the protective pair
 * the entry carries.
 *
 * @param stopLoss   the signal's stop on the tick grid; null when denied
 * @param takeProfit entry + reward-to-risk x stop distance on the tick grid; null when denied
 */
public record SizedEntry(RiskDecision decision, List<LimitCheck> checks, BigDecimal stopLoss, BigDecimal takeProfit) {

    public SizedEntry {
        Objects.requireNonNull(decision, "decision");
        checks = List.copyOf(checks);
    }
}
