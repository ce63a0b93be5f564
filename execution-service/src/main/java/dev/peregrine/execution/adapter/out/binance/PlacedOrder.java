package dev.peregrine.execution.adapter.out.binance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Binance's FULL answer to a new order: the order as placed and the trades it made at once. */
public record PlacedOrder(
        String symbol,
        long orderId,
        String clientOrderId,
        VenueOrderStatus status,
        VenueOrderType type,
        OrderSide side,
        BigDecimal price,
        BigDecimal origQty,
        BigDecimal executedQty,
        BigDecimal cummulativeQuoteQty,
        Instant transactTime,
        List<Fill> fills) {

    public PlacedOrder {
        fills = List.copyOf(fills);
    }

    /** One trade of the order; {@code commission} is charged in {@code commissionAsset}. */
    public record Fill(BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset, long tradeId) {}
}
