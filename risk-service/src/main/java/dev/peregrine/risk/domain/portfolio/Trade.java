package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution the portfolio applies: a venue trade, or what an order's completion report adds to the
 * trades reported before it.
 *
 * @param clientOrderId the order it belongs to
 * @param quantity      base asset bought or sold (positive)
 * @param price         execution price in the quote asset
 * @param fee           what was paid, in {@code feeAsset}
 * @param at            market time of the execution
 */
public record Trade(
        String clientOrderId,
        PositionKey key,
        Side side,
        OrderPurpose purpose,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        String feeAsset,
        Instant at) {

    public Trade {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(feeAsset, "feeAsset");
        Objects.requireNonNull(at, "at");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a trade's quantity is positive: " + quantity.toPlainString());
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("a trade's price is positive: " + price.toPlainString());
        }
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("a fee is not negative: " + fee.toPlainString());
        }
        if ((side == Side.BUY) == purpose.sells()) {
            throw new IllegalArgumentException("a " + purpose + " order cannot " + side + " (spot, long only)");
        }
    }
}
