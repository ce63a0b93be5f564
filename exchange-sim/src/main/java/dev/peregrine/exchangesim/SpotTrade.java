package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Instant;

/** One fill of an order, as {@code myTrades} and the FULL response's {@code fills} report it. */
public record SpotTrade(
        long id,
        long orderId,
        long orderListId,
        String symbol,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        BigDecimal commission,
        String commissionAsset,
        Instant time,
        boolean buyer,
        boolean maker) {}
