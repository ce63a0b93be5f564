package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.audit.AuditData.Order;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The checks of a replay, recomputed from what the services stored ({@link AuditData}), and the figures per
 * strategy. Each check is named after the invariant it guards:
 * <ol>
 *   <li>gross exposure never above its limit: every hourly point of the equity curve; every approved entry's
 *       notional within the position fraction of the equity it was sized on; and at each approval, positions at
 *       their value + entries in flight + the new order within the gross limit (and the symbol limit when one symbol
 *       was traded);</li>
 *   <li>no order sells more than the strategy holds (execution's fills replayed per strategy and symbol, in the order
 *       execution applied them and in market-time order), and {@code risk.anomalies} is empty;</li>
 *   <li>realised plus unrealised P&amp;L of every position equals final equity minus the starting balance, with the
 *       final equity computed from the venue's fills alone (cash flows, fees, what is still held at the last close),
 *       in total and per strategy and symbol;</li>
 *   <li>{@code GET /api/v1/portfolio} shows that equity.</li>
 * </ol>
 * The checks live in {@link ExposureChecks} (1), {@link HoldingChecks} (2) and {@link EquityChecks} (3, 4), the
 * figures in {@link ReplayFigures}; this class runs them and holds what they report.
 */
public final class ReplayAudit {

    /** One check: PASS or FAIL with what was measured. */
    public record Check(String id, String name, boolean passed, String detail) {}

    /** The figures of one strategy. {@code maxDrawdown} is that of its closed trades' cumulative P&amp;L on the starting balance. */
    public record StrategyStats(
            String strategyId,
            int trades,
            int wins,
            BigDecimal realisedClosed,
            BigDecimal fees,
            int openPositions,
            BigDecimal openPnl,
            BigDecimal maxDrawdown,
            Map<String, Integer> exitReasons) {

        public BigDecimal netPnl() {
            return realisedClosed.add(openPnl);
        }

        public double winRate() {
            return trades == 0 ? 0 : (double) wins / trades;
        }
    }

    /** The account as a whole. */
    public record Account(
            BigDecimal startingBalance,
            BigDecimal finalEquity,
            BigDecimal maxDrawdownCurve,
            Instant maxDrawdownAt,
            BigDecimal maxDrawdownRisk,
            int equityPoints,
            Map<String, Long> decisions,
            Map<String, Long> denials,
            Map<String, Long> exitIntents,
            Map<String, Long> controlTransitions,
            Instant firstDrawdownHalt,
            Duration longestHolding,
            long positionsHeldPastLimit,
            long equityRowsOutOfOrder,
            Duration equityRowsRewrittenSpan,
            List<Duration> marksAhead,
            Map<String, Long> exitOrders,
            long exitsLostToLaterLegs) {}

    /** {@code total} is every position's figures together, under the name "all". */
    public record Result(List<Check> checks, List<StrategyStats> strategies, StrategyStats total, Account account) {

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }
    }

    public static Result audit(AuditData data, Duration maxHoldingTime) {
        ExposureChecks exposure = new ExposureChecks(data);
        HoldingChecks holdings = new HoldingChecks(data);
        EquityChecks equity = new EquityChecks(data);
        List<Check> checks = new ArrayList<>();
        checks.add(exposure.hourlyGrossExposure());
        checks.add(exposure.approvalsWithinPositionFraction());
        checks.add(exposure.grossAtEachApproval());
        checks.add(holdings.sellsWithinHoldings(
                "2a", "execution's fill order", Comparator.comparing(Order::fillSequence)));
        checks.add(holdings.sellsWithinHoldings(
                "2b",
                "market-time order",
                Comparator.comparing(Order::settledAt).thenComparing(Order::fillSequence)));
        checks.add(holdings.noAnomalies());
        EquityChecks.Equities equities = equity.equities();
        checks.add(equity.pnlAddsUp(equities));
        checks.add(equity.apiShowsEquity(equities));
        ReplayFigures figures = new ReplayFigures(data);
        return new Result(
                checks,
                figures.strategies(),
                figures.stats("all", data.positions()),
                figures.account(equities.fromPositions(), maxHoldingTime));
    }
}
