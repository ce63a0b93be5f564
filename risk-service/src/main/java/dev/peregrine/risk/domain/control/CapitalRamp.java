package dev.peregrine.risk.domain.control;

import java.math.BigDecimal;

/**
 * How much capital live trading may use while it is being trusted: at most {@code maxOrderNotional} per entry and
 * {@code maxTotalExposure} in all positions and entries in flight together, in the quote asset. Live trading starts
 * small on purpose; an operator raises the ramp step by step (audited as a control change). A null cap is no cap.
 */
public record CapitalRamp(BigDecimal maxOrderNotional, BigDecimal maxTotalExposure) {

    /** No ramp: only the portfolio's fractions of equity limit entries (paper trading, replays). */
    public static final CapitalRamp OFF = new CapitalRamp(null, null);

    public CapitalRamp {
        if (maxOrderNotional != null && maxOrderNotional.signum() < 0) {
            throw new IllegalArgumentException(
                    "maxOrderNotional must not be negative: " + maxOrderNotional.toPlainString());
        }
        if (maxTotalExposure != null && maxTotalExposure.signum() < 0) {
            throw new IllegalArgumentException(
                    "maxTotalExposure must not be negative: " + maxTotalExposure.toPlainString());
        }
    }

    public boolean isOff() {
        return maxOrderNotional == null && maxTotalExposure == null;
    }

    /** E.g. {@code order <= 50, total <= 200} or {@code off}: how a transition names the ramp. */
    public String describe() {
        if (isOff()) {
            return "off";
        }
        return "order <= "
                + (maxOrderNotional == null
                        ? "any"
                        : maxOrderNotional.stripTrailingZeros().toPlainString()) + ", total <= "
                + (maxTotalExposure == null
                        ? "any"
                        : maxTotalExposure.stripTrailingZeros().toPlainString());
    }
}
