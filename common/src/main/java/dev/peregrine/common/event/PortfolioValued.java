package dev.peregrine.common.event;

import dev.peregrine.common.value.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The account marked to market: published when a closed candle or a fill changes its value.
 *
 * @param equity         cash plus every holding at its latest close, in the quote asset
 * @param cash           free quote asset, not net of reservations
 * @param reserved       quote asset reserved by entries sent but not yet filled
 * @param grossExposure  value of all holdings at their latest close
 * @param dailyPnl       equity now minus equity at 00:00 UTC (realised and unrealised, fees included)
 * @param highWaterMark  the highest equity seen
 * @param drawdown       fraction below the high-water mark, 0..1
 * @param tradingState   the daily-loss breaker's state: ACTIVE, REDUCING or HALTED
 * @param openPositions  positions holding something
 */
public record PortfolioValued(
        Envelope envelope,
        Money equity,
        Money cash,
        Money reserved,
        Money grossExposure,
        Money dailyPnl,
        Money highWaterMark,
        BigDecimal drawdown,
        String tradingState,
        boolean killSwitch,
        int openPositions)
        implements PortfolioEvent {

    public PortfolioValued {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(cash, "cash");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(grossExposure, "grossExposure");
        Objects.requireNonNull(dailyPnl, "dailyPnl");
        Objects.requireNonNull(highWaterMark, "highWaterMark");
        Objects.requireNonNull(drawdown, "drawdown");
        Objects.requireNonNull(tradingState, "tradingState");
        if (openPositions < 0) {
            throw new IllegalArgumentException("openPositions must not be negative: " + openPositions);
        }
    }

    @Override
    public String key() {
        return ACCOUNT_KEY;
    }
}
