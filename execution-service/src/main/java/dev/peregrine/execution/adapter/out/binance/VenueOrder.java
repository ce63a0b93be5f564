package dev.peregrine.execution.adapter.out.binance;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the venue holds it (query, open orders, all orders, cancel). For a cancel's answer {@code clientOrderId}
 * is the canceled order's ({@code origClientOrderId}) and {@code updateTime} the cancel's {@code transactTime}.
 * {@code orderListId} is -1 outside an order list.
 */
public record VenueOrder(
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
        Instant updateTime,
        long orderListId) {}
