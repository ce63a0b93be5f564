package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How the paper venue executes: a MARKET order fills completely at the open of the first candle of its
 * symbol that opens strictly after the order's {@code notBefore} (the signal candle's close), i.e. at the
 * next candle's open. The fill price is that open exactly: no slippage, no spread and no partial fills in
 * this first version. The fee is quantity × price × fee rate in the configured fee asset, rounded half-up
 * to 8 decimals (the precision Binance reports fees in).
 */
public record PaperFillRule(BigDecimal feeRate, String feeAsset) {

    public static final int FEE_SCALE = 8;

    public PaperFillRule {
        Objects.requireNonNull(feeRate, "feeRate");
        Objects.requireNonNull(feeAsset, "feeAsset");
        if (feeRate.signum() < 0) {
            throw new IllegalArgumentException("feeRate must not be negative: " + feeRate.toPlainString());
        }
    }

    /** Whether the order would execute on a candle with this open. */
    public boolean executesOn(OrderTerms terms, MarketOpen open) {
        return terms.type() == OrderType.MARKET
                && terms.symbol().equals(open.symbol())
                && open.openTime().isAfter(terms.notBefore());
    }

    /** The fill on {@code open}, which must be the first open of the symbol after {@code notBefore}. */
    public Fill fillOn(OrderTerms terms, MarketOpen open) {
        if (!executesOn(terms, open)) {
            throw new IllegalArgumentException("order " + terms.clientOrderId() + " (" + terms.type() + " " + terms.symbol()
                    + ", not before " + terms.notBefore() + ") does not execute on the " + open.symbol()
                    + " candle opening at " + open.openTime());
        }
        return new Fill(open.open(), fee(terms.quantity(), open.open()), open.openTime());
    }

    public Money fee(Quantity quantity, Price price) {
        BigDecimal amount = quantity.value().multiply(price.value()).multiply(feeRate)
                .setScale(FEE_SCALE, RoundingMode.HALF_UP);
        return new Money(amount, feeAsset);
    }
}
