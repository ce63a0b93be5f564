package dev.peregrine.risk.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much of the equity a single trade may put at risk and tie up.
 *
 * @param riskPerTrade        fraction of equity lost if a full-confidence trade hits its stop (0 < f <= 0.1)
 * @param maxPositionFraction largest notional of one position as a fraction of equity (0 < f <= 1)
 */
public record RiskLimits(BigDecimal riskPerTrade, BigDecimal maxPositionFraction) {

    private static final BigDecimal MAX_RISK_PER_TRADE = new BigDecimal("0.1");

    public RiskLimits {
        Objects.requireNonNull(riskPerTrade, "riskPerTrade");
        Objects.requireNonNull(maxPositionFraction, "maxPositionFraction");
        if (riskPerTrade.signum() <= 0 || riskPerTrade.compareTo(MAX_RISK_PER_TRADE) > 0) {
            throw new IllegalArgumentException("riskPerTrade must be within (0, 0.1]: " + riskPerTrade.toPlainString());
        }
        if (maxPositionFraction.signum() <= 0 || maxPositionFraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("maxPositionFraction must be within (0, 1]: " + maxPositionFraction.toPlainString());
        }
    }
}
