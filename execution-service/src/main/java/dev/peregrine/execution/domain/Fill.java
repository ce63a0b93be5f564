package dev.peregrine.execution.domain;

import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A complete execution of an order at the venue.
 *
 * @param marketTime     the market instant the order executed at (for the paper venue: the open time of the
 *                       candle it executed on)
 * @param referencePrice the price before the venue's slippage (the candle's open for a market order, the
 *                       triggered stop or the take-profit for a protective leg); equal to {@code price} when the
 *                       venue applied none
 */
public record Fill(Price price, Money fee, Instant marketTime, Price referencePrice) {

    public Fill {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(marketTime, "marketTime");
        Objects.requireNonNull(referencePrice, "referencePrice");
        if (fee.amount().signum() < 0) {
            throw new IllegalArgumentException("a fee must not be negative: " + fee);
        }
    }

    /**
     * What slippage cost on {@code quantity}, in the quote asset: |price - reference| x quantity. Slippage only ever
     * moves a price against the order, so this is what the order paid for it.
     */
    public BigDecimal slippageCost(Quantity quantity) {
        return price.value().subtract(referencePrice.value()).abs().multiply(quantity.value());
    }
}
