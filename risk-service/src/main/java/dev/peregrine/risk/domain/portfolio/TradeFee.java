package dev.peregrine.risk.domain.portfolio;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How one trade's fee is booked, by the asset it was charged in:
 * <ul>
 *   <li>quote asset: paid from cash, realised at once ({@code quoteFee} = the fee);</li>
 *   <li>base asset: paid in units, which the position accounts for ({@code baseFee} = the fee, no quote fee);</li>
 *   <li>a third asset (e.g. BNB): paid from that asset's cash, realised at its mark if one is known.</li>
 * </ul>
 *
 * @param baseFee  base units the venue kept
 * @param quoteFee what the fee takes from realised P&L, in the quote asset
 * @param value    the fee valued in the quote asset, for reporting
 * @param inUnits  charged in the base asset (so no asset's cash pays it)
 */
record TradeFee(BigDecimal baseFee, BigDecimal quoteFee, BigDecimal value, boolean inUnits) {

    TradeFee {
        Objects.requireNonNull(baseFee, "baseFee");
        Objects.requireNonNull(quoteFee, "quoteFee");
        Objects.requireNonNull(value, "value");
    }

    /**
     * @param thirdAssetMark the quote price of the fee asset when it is neither base nor quote; empty when unknown
     */
    static TradeFee of(Trade trade, String baseAsset, String quoteAsset, Optional<BigDecimal> thirdAssetMark) {
        if (trade.feeAsset().equals(quoteAsset)) {
            return new TradeFee(BigDecimal.ZERO, trade.fee(), trade.fee(), false);
        }
        if (trade.feeAsset().equals(baseAsset)) {
            return new TradeFee(
                    trade.fee(), BigDecimal.ZERO, Money18.capScale(trade.fee().multiply(trade.price())), true);
        }
        BigDecimal value = thirdAssetMark
                .map(m -> Money18.capScale(trade.fee().multiply(m)))
                .orElse(BigDecimal.ZERO);
        return new TradeFee(BigDecimal.ZERO, value, value, false);
    }

    /** Whether the fee leaves an asset's cash (quote or third asset) rather than the position's units. */
    boolean paidFromCash() {
        return !inUnits;
    }
}
