package dev.peregrine.risk.domain.portfolio;

import dev.peregrine.common.value.Symbol;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The account marked to market, exact (round only to show).
 *
 * @param equity         quote cash + other assets at their marks + every position at its mark
 * @param cash           quote asset held, before reservations
 * @param reserved       quote asset held back for entries in flight
 * @param grossExposure  value of all positions
 * @param exposureBySymbol value of the positions in each symbol, across strategies
 * @param dailyPnl       equity minus equity at 00:00 UTC
 * @param highWaterMark  the highest equity seen
 * @param drawdown       (high-water mark - equity) / high-water mark, 0 when at the mark
 */
public record Valuation(
        BigDecimal equity,
        BigDecimal cash,
        BigDecimal reserved,
        BigDecimal grossExposure,
        Map<Symbol, BigDecimal> exposureBySymbol,
        BigDecimal dayStartEquity,
        BigDecimal dailyPnl,
        BigDecimal highWaterMark,
        BigDecimal drawdown,
        int openPositions) {

    public Valuation {
        Objects.requireNonNull(equity, "equity");
        exposureBySymbol = Map.copyOf(exposureBySymbol);
    }

    public BigDecimal availableCash() {
        return cash.subtract(reserved);
    }

    /** Daily loss as a positive fraction of equity at 00:00 UTC (0 when the day is up). */
    public BigDecimal dailyLossFraction() {
        if (dailyPnl.signum() >= 0 || dayStartEquity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return Money18.divide(dailyPnl.negate(), dayStartEquity);
    }
}
