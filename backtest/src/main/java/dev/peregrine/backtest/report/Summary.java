package dev.peregrine.backtest.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The headline figures of a run (docs/backtesting.md defines each).
 *
 * @param totalReturn      final equity over the starting cash, minus one
 * @param maxDrawdown      deepest fall from a peak of the per-candle equity curve, a positive fraction
 * @param sharpe           annualised Sharpe ratio of daily returns ({@link SharpeRatio}); empty when undefined
 * @param winRate          share of closed trades with a positive result after fees; empty without trades
 * @param expectancy       mean result per closed trade after fees, in the quote currency; zero without trades
 * @param meanNetReturn    mean return per closed trade after fees; empty without trades
 * @param feesPaid         every fee of every fill
 * @param lastExit         when the last closed trade closed (a run that stops trading early shows here)
 */
public record Summary(
        BigDecimal finalEquity,
        double totalReturn,
        double maxDrawdown,
        OptionalDouble sharpe,
        int trades,
        OptionalDouble winRate,
        BigDecimal expectancy,
        OptionalDouble meanNetReturn,
        BigDecimal feesPaid,
        Optional<Instant> lastExit) {

    public static Summary of(ReportData data) {
        double start = data.run().startingCash().doubleValue();
        List<EquityPoint> curve = data.equity();
        BigDecimal finalEquity =
                curve.isEmpty() ? data.run().startingCash() : curve.getLast().equity();
        double[] equity =
                curve.stream().mapToDouble(p -> p.equity().doubleValue()).toArray();
        List<TradeRow> trades = data.trades();
        OptionalDouble winRate = trades.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(trades.stream().filter(TradeRow::won).count() / (double) trades.size());
        BigDecimal expectancy = trades.isEmpty()
                ? BigDecimal.ZERO
                : trades.stream()
                        .map(TradeRow::netPnl)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(trades.size()), MathContext.DECIMAL64);
        return new Summary(
                finalEquity,
                finalEquity.doubleValue() / start - 1.0,
                Drawdown.max(start, equity),
                SharpeRatio.annualised(PeriodReturns.daily(start, curve).values()),
                trades.size(),
                winRate,
                expectancy,
                trades.stream().mapToDouble(TradeRow::netReturn).average(),
                data.feesPaid(),
                trades.stream().map(TradeRow::exitTime).max(Instant::compareTo));
    }
}
