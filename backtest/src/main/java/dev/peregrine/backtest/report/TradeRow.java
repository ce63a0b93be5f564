package dev.peregrine.backtest.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed round trip as the report shows it: entry and exit fills, the signal that opened it (strategy = the
 * analyst, grade = the validation's) and its result after every fee of both legs.
 *
 * @param fees   fees of the entry and exit fills, in the quote currency
 * @param netPnl profit or loss after fees, in the quote currency
 */
public record TradeRow(
        String symbol,
        String side,
        String strategy,
        String grade,
        Instant entryTime,
        BigDecimal entryPrice,
        Instant exitTime,
        BigDecimal exitPrice,
        BigDecimal quantity,
        BigDecimal fees,
        BigDecimal netPnl,
        String exitReason) {

    public TradeRow {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitTime, "exitTime");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(netPnl, "netPnl");
        Objects.requireNonNull(exitReason, "exitReason");
    }

    /** Net P&L over the entry's notional (entry price times quantity): the trade's return after fees. */
    public double netReturn() {
        BigDecimal notional = entryPrice.multiply(quantity);
        return notional.signum() == 0
                ? 0.0
                : netPnl.divide(notional, MathContext.DECIMAL64).doubleValue();
    }

    public boolean won() {
        return netPnl.signum() > 0;
    }
}
