package dev.peregrine.monitor.domain.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Closed positions of a slice: how many, how many won (realised P&L after fees > 0), and the realised P&L and fees
 * summed per quote currency (never added across currencies). The profit factor (Σ gains / Σ |losses|) is given when
 * every trade is in one currency, else NaN.
 */
public record TradeFigures(
        int trades, int wins, Map<String, BigDecimal> realisedPnl, Map<String, BigDecimal> fees, double profitFactor) {

    public TradeFigures {
        realisedPnl = Map.copyOf(realisedPnl);
        fees = Map.copyOf(fees);
    }

    /** Empty without trades. */
    public static Optional<TradeFigures> of(List<ClosedTrade> trades) {
        if (trades.isEmpty()) {
            return Optional.empty();
        }
        Map<String, BigDecimal> pnl = new TreeMap<>();
        Map<String, BigDecimal> fees = new TreeMap<>();
        BigDecimal gains = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        int wins = 0;
        for (ClosedTrade trade : trades) {
            pnl.merge(trade.currency(), trade.realisedPnl(), BigDecimal::add);
            fees.merge(trade.currency(), trade.fees(), BigDecimal::add);
            if (trade.win()) {
                wins++;
                gains = gains.add(trade.realisedPnl());
            } else {
                losses = losses.add(trade.realisedPnl().negate());
            }
        }
        double profitFactor = pnl.size() != 1
                ? Double.NaN
                : losses.signum() > 0
                        ? gains.doubleValue() / losses.doubleValue()
                        : gains.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        return Optional.of(new TradeFigures(trades.size(), wins, pnl, fees, profitFactor));
    }
}
