package dev.peregrine.execution.adapter.out.binance;

import java.math.BigDecimal;
import java.time.Instant;

/** One of the account's trades ({@code GET /api/v3/myTrades}); {@code id} is the trade id. */
public record AccountTrade(
        String symbol,
        long id,
        long orderId,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        BigDecimal commission,
        String commissionAsset,
        Instant time,
        boolean buyer,
        boolean maker) {}
