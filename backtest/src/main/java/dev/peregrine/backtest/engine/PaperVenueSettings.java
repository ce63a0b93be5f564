package dev.peregrine.backtest.engine;

import dev.peregrine.execution.domain.PaperFillRule;
import dev.peregrine.execution.domain.SafetyChecks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The paper venue's settings, as execution-service reads them ({@code peregrine.execution.paper.*} and
 * {@code peregrine.execution.max-order-notional}).
 *
 * @param feeRate          fee per fill, as a fraction of its notional (0.001 = 0.1 %)
 * @param feeAsset         the asset fees are paid in
 * @param slippageBps      how far market and stop fills move against the order, in basis points
 * @param maxOrderNotional execution's safety check: no order above this notional is sent
 */
public record PaperVenueSettings(
        BigDecimal feeRate, String feeAsset, BigDecimal slippageBps, BigDecimal maxOrderNotional) {

    public PaperVenueSettings {
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(feeAsset, "feeAsset");
        Objects.requireNonNull(slippageBps, "slippageBps");
        Objects.requireNonNull(maxOrderNotional, "maxOrderNotional");
        fillRule(feeRate, feeAsset, slippageBps); // the rule's own checks
    }

    /** The fill model execution-service builds from these settings. */
    public PaperFillRule fillRule() {
        return fillRule(feeRate, feeAsset, slippageBps);
    }

    public SafetyChecks safetyChecks() {
        return new SafetyChecks(maxOrderNotional);
    }

    public PaperVenueSettings withFeeRate(BigDecimal rate) {
        return new PaperVenueSettings(rate, feeAsset, slippageBps, maxOrderNotional);
    }

    public PaperVenueSettings withSlippageBps(BigDecimal bps) {
        return new PaperVenueSettings(feeRate, feeAsset, bps, maxOrderNotional);
    }

    private static PaperFillRule fillRule(BigDecimal feeRate, String feeAsset, BigDecimal slippageBps) {
        return new PaperFillRule(feeRate, feeAsset, slippageBps);
    }
}
