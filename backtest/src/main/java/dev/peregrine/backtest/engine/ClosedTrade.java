package dev.peregrine.backtest.engine;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A position of one strategy in one symbol from its first buy to the sell that emptied it, as risk-service's book
 * closed it.
 *
 * @param entrySignalId the signal whose approval opened it
 * @param quantity      base asset bought
 * @param entryPrice    average buy price
 * @param exitPrice     average sell price
 * @param fees          every fee of the position, in the quote asset
 * @param pnl           realised P&L after fees, in the quote asset (risk's own figure)
 * @param exitRole      what closed it: STOP, TAKE_PROFIT or EXIT (the last sell's role)
 * @param closeReason   risk's reason for the close (e.g. the exit's reason code), may be null
 */
public record ClosedTrade(
        UUID positionId,
        String strategyId,
        Symbol symbol,
        UUID entrySignalId,
        Instant openedAt,
        Instant closedAt,
        BigDecimal quantity,
        BigDecimal entryPrice,
        BigDecimal exitPrice,
        BigDecimal fees,
        BigDecimal pnl,
        OrderRole exitRole,
        String closeReason) {

    public ClosedTrade {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(pnl, "pnl");
    }

    public boolean won() {
        return pnl.signum() > 0;
    }
}
