package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of the paper venue, as execution-service reports it ({@code OrderFilled}).
 *
 * @param time     the market instant of the fill: the open time of the candle it filled on
 * @param price    after slippage, within the candle's range
 * @param fee      in {@code feeAsset}
 */
public record FillRecord(
        String clientOrderId,
        String strategyId,
        Symbol symbol,
        Side side,
        OrderRole role,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        String feeAsset,
        Instant time) {

    public FillRecord {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fee, "fee");
    }

    /** Quantity x price, in the quote asset. */
    public BigDecimal notional() {
        return quantity.multiply(price);
    }
}
