package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.audit.AuditData.Decision;
import dev.peregrine.benchmarks.audit.AuditData.EquityPoint;
import dev.peregrine.benchmarks.audit.AuditData.Intent;
import dev.peregrine.benchmarks.audit.AuditData.LastCandle;
import dev.peregrine.benchmarks.audit.AuditData.Order;
import dev.peregrine.benchmarks.audit.AuditData.PositionRow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 */
public final class ReplayAudit {

    /** Amounts are compared after rounding to 8 decimals, to within one unit of the 8th. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.00000001");
    private static final Pattern EQUITY_IN_BUDGET = Pattern.compile("= equity (-?[0-9]+(?:\\.[0-9]+)?) ");
    static final MathContext RATIO = new MathContext(12, RoundingMode.HALF_EVEN);

    /** One check: PASS or FAIL with what was measured. */
    public record Check(String id, String name, boolean passed, String detail) {
    }

    /** The figures of one strategy. {@code maxDrawdown} is that of its closed trades' cumulative P&amp;L on the starting balance. */
    public record StrategyStats(String strategyId, int trades, int wins, BigDecimal realisedClosed, BigDecimal fees,
                                int openPositions, BigDecimal openPnl, BigDecimal maxDrawdown,
                                Map<String, Integer> exitReasons) {

        public BigDecimal netPnl() {
            return realisedClosed.add(openPnl);
        }

        public double winRate() {
            return trades == 0 ? 0 : (double) wins / trades;
        }
    }

    /** The account as a whole. */
    public record Account(BigDecimal startingBalance, BigDecimal finalEquity, BigDecimal maxDrawdownCurve,
                          Instant maxDrawdownAt, BigDecimal maxDrawdownRisk, int equityPoints,
                          Map<String, Long> decisions, Map<String, Long> denials, Map<String, Long> exitIntents,
                          Map<String, Long> controlTransitions, Instant firstDrawdownHalt, Duration longestHolding,
                          long positionsHeldPastLimit, long equityRowsOutOfOrder, Duration equityRowsRewrittenSpan,
                          List<Duration> marksAhead, Map<String, Long> exitOrders, long exitsLostToLaterLegs) {
    }

    /** {@code total} is every position's figures together, under the name "all". */
    public record Result(List<Check> checks, List<StrategyStats> strategies, StrategyStats total, Account account) {

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }
    }

    private final AuditData data;
    private final AuditData.Limits limits;
    private final Map<String, Order> ordersById = new HashMap<>();
    private final Map<String, Intent> intentsByDecision = new HashMap<>();

    private ReplayAudit(AuditData data) {
        this.data = data;
        this.limits = data.limits();
        data.orders().forEach(o -> ordersById.put(o.clientOrderId(), o));
        data.intents().forEach(i -> intentsByDecision.put(i.decisionId(), i));
    }

    public static Result audit(AuditData data, Duration maxHoldingTime) {
        ReplayAudit audit = new ReplayAudit(data);
        List<Check> checks = new ArrayList<>();
        checks.add(audit.hourlyGrossExposure());
        checks.add(audit.approvalsWithinPositionFraction());
        checks.add(audit.grossAtEachApproval());
        checks.add(audit.sellsWithinHoldings("2a", "execution's fill order",
                Comparator.comparing(Order::fillSequence)));
        checks.add(audit.sellsWithinHoldings("2b", "market-time order",
                Comparator.comparing(Order::settledAt).thenComparing(Order::fillSequence)));
        checks.add(audit.noAnomalies());
        Equities equities = audit.equities();
        checks.add(audit.pnlAddsUp(equities));
        checks.add(audit.apiShowsEquity(equities));
        ReplayFigures figures = new ReplayFigures(data);
        return new Result(checks, figures.strategies(), figures.stats("all", data.positions()),
                figures.account(equities.fromPositions(), maxHoldingTime));
    }

    // ---- 1. exposure ----

    private Check hourlyGrossExposure() {
        int violations = 0;
        BigDecimal worst = BigDecimal.ZERO;
        BigDecimal worstWithReserved = BigDecimal.ZERO;
        String first = null;
        for (EquityPoint point : data.equityCurve()) {
            BigDecimal limit = point.equity().multiply(limits.maxGrossExposure());
            if (point.grossExposure().compareTo(limit) > 0) {
                violations++;
                if (first == null) {
                    first = point.hour() + ": gross " + plain(point.grossExposure()) + " > " + plain(limit);
                }
            }
            if (point.equity().signum() > 0) {
                worst = worst.max(point.grossExposure().divide(point.equity(), RATIO));
                worstWithReserved = worstWithReserved.max(point.grossExposure().add(point.reserved())
                        .divide(point.equity(), RATIO));
            }
        }
        return new Check("1a", "hourly equity curve: gross exposure <= " + plain(limits.maxGrossExposure())
                + " x equity", violations == 0 && !data.equityCurve().isEmpty(),
                String.format(Locale.ROOT, "%d hourly points, %d above the limit; highest gross/equity %s, "
                                + "(gross + reserved)/equity %s%s", data.equityCurve().size(), violations, percent(worst),
                        percent(worstWithReserved), first == null ? "" : "; first: " + first));
    }

    private Check approvalsWithinPositionFraction() {
        int approvals = 0;
        int violations = 0;
        BigDecimal worst = BigDecimal.ZERO;
        String first = null;
        for (Decision decision : data.decisions()) {
            if (!decision.approvedEntry()) {
                continue;
            }
            approvals++;
            Optional<BigDecimal> equity = equityDecidedOn(decision);
            BigDecimal notional = decision.quantity().multiply(decision.entryPrice());
            if (equity.isEmpty() || equity.get().signum() <= 0) {
                violations++;
                first = first == null ? decision.decisionId() + ": no equity in its RISK_BUDGET reason" : first;
                continue;
            }
            BigDecimal ratio = notional.divide(equity.get(), RATIO);
            worst = worst.max(ratio);
            if (notional.compareTo(equity.get().multiply(limits.maxPositionFraction())) > 0) {
                violations++;
                first = first == null ? decision.decisionId() + ": notional " + plain(notional) + " on equity "
                        + plain(equity.get()) : first;
            }
        }
        return new Check("1b", "every approved entry: notional <= " + plain(limits.maxPositionFraction())
                + " x equity at the decision", violations == 0,
                String.format(Locale.ROOT, "%d approved entries, %d above; largest notional/equity %s%s", approvals,
                        violations, percent(worst), first == null ? "" : "; first: " + first));
    }

    /**
     * At each approval, from the stores: risk's equity then (its RISK_BUDGET reason), its quote cash then (the
     * starting balance plus the cash flows of every fill risk had applied before it decided, by
     * {@code risk.applied_facts}), so the positions were worth equity minus cash; plus the entries approved before and
     * not yet ended (their reservations, with the buffer); plus this order's notional.
     */
    private Check grossAtEachApproval() {
        List<Order> fills = data.orders().stream().filter(Order::filled)
                .filter(o -> data.orderEndsAppliedAt().containsKey(o.clientOrderId()))
                .sorted(Comparator.comparing(o -> data.orderEndsAppliedAt().get(o.clientOrderId())))
                .toList();
        List<Decision> approvals = data.decisions().stream().filter(Decision::approvedEntry)
                .sorted(Comparator.comparing(Decision::decidedAt)).toList();
        boolean oneSymbol = data.decisions().stream().map(Decision::symbol).distinct().count() <= 1;
        BigDecimal bufferFactor = BigDecimal.ONE.add(limits.reservationBuffer());
        int checked = 0;
        int violations = 0;
        BigDecimal worstGross = BigDecimal.ZERO;
        BigDecimal worstSymbol = BigDecimal.ZERO;
        String first = null;
        BigDecimal cash = limits.startingBalance();
        int nextFill = 0;
        for (int i = 0; i < approvals.size(); i++) {
            Decision decision = approvals.get(i);
            Instant at = decision.decidedAt();
            while (nextFill < fills.size()
                    && data.orderEndsAppliedAt().get(fills.get(nextFill).clientOrderId()).isBefore(at)) {
                cash = cash.add(cashFlow(fills.get(nextFill++)));
            }
            Optional<BigDecimal> equity = equityDecidedOn(decision);
            if (equity.isEmpty()) {
                continue; // counted by 1b
            }
            BigDecimal reserved = BigDecimal.ZERO;
            for (int j = 0; j < i; j++) {
                Decision earlier = approvals.get(j);
                Intent intent = intentsByDecision.get(earlier.decisionId());
                Instant ended = intent == null ? null : data.orderEndsAppliedAt().get(intent.clientOrderId());
                if (ended == null || ended.isAfter(at)) {
                    reserved = reserved.add(earlier.quantity().multiply(earlier.entryPrice()).multiply(bufferFactor));
                }
            }
            BigDecimal positions = equity.get().subtract(cash);
            BigDecimal gross = positions.add(reserved).add(decision.quantity().multiply(decision.entryPrice()));
            checked++;
            BigDecimal grossRatio = gross.divide(equity.get(), RATIO);
            worstGross = worstGross.max(grossRatio);
            boolean bad = gross.compareTo(equity.get().multiply(limits.maxGrossExposure()).add(TOLERANCE)) > 0;
            if (oneSymbol) {
                worstSymbol = worstSymbol.max(grossRatio);
                bad |= gross.compareTo(equity.get().multiply(limits.maxSymbolFraction()).add(TOLERANCE)) > 0;
            }
            if (bad) {
                violations++;
                first = first == null ? decision.decisionId() + " at " + at + ": positions " + plain(positions)
                        + " + reserved " + plain(reserved) + " + order = " + plain(gross) + " on equity "
                        + plain(equity.get()) : first;
            }
        }
        return new Check("1c", "at every approval: positions + reservations + this order <= "
                + plain(limits.maxGrossExposure()) + " x equity" + (oneSymbol ? " (and <= "
                + plain(limits.maxSymbolFraction()) + " x equity, one symbol)" : ""), violations == 0,
                String.format(Locale.ROOT, "%d approvals recomputed, %d above; highest (positions + reserved + order)"
                        + "/equity %s%s", checked, violations, percent(worstGross), first == null ? "" : "; first: " + first));
    }

    /** Risk's equity when it sized the entry, from its RISK_BUDGET reason ("base ... = equity E USDT x ..."). */
    static Optional<BigDecimal> equityDecidedOn(Decision decision) {
        return decision.reasons().stream().filter(r -> "RISK_BUDGET".equals(r.code())).findFirst()
                .map(r -> EQUITY_IN_BUDGET.matcher(r.detail())).filter(Matcher::find)
                .map(m -> new BigDecimal(m.group(1)));
    }

    // ---- 2. sells ----

    private Check sellsWithinHoldings(String id, String order, Comparator<Order> sequence) {
        Map<String, List<Order>> byKey = data.orders().stream().filter(Order::filled)
                .collect(Collectors.groupingBy(o -> o.strategyId() + "/" + o.symbol(), TreeMap::new, Collectors.toList()));
        int sells = 0;
        int violations = 0;
        String first = null;
        for (Map.Entry<String, List<Order>> entry : byKey.entrySet()) {
            BigDecimal held = BigDecimal.ZERO;
            for (Order fill : entry.getValue().stream().sorted(sequence).toList()) {
                BigDecimal baseFee = baseAsset(fill.symbol()).equals(fill.feeAsset()) ? fill.fee() : BigDecimal.ZERO;
                if ("BUY".equals(fill.side())) {
                    held = held.add(fill.quantity()).subtract(baseFee);
                    continue;
                }
                sells++;
                BigDecimal leaving = fill.quantity().add(baseFee);
                if (leaving.compareTo(held) > 0) {
                    violations++;
                    first = first == null ? fill.clientOrderId() + " (" + fill.purpose() + ") of " + entry.getKey()
                            + " sold " + plain(leaving) + " holding " + plain(held) : first;
                }
                held = held.subtract(leaving);
            }
        }
        return new Check(id, "every SELL fill <= what the strategy held (" + order + ")", violations == 0,
                String.format(Locale.ROOT, "%d SELL fills, %d beyond the holding%s", sells, violations,
                        first == null ? "" : "; first: " + first));
    }

    private Check noAnomalies() {
        Map<String, Long> kinds = data.anomalies().stream()
                .collect(Collectors.groupingBy(AuditData.Anomaly::kind, TreeMap::new, Collectors.counting()));
        return new Check("2c", "risk.anomalies is empty (SELL_EXCEEDS_POSITION, NEGATIVE_CASH, ...)",
                data.anomalies().isEmpty(), data.anomalies().isEmpty() ? "0 rows" : data.anomalies().size() + " rows "
                + kinds + "; first: " + data.anomalies().getFirst().detail());
    }

    // ---- 3 and 4. P&L and equity ----

    /** Final equity two ways, in total and per strategy and symbol. */
    private record Equities(BigDecimal fromPositions, BigDecimal fromFills, Map<String, BigDecimal[]> byKey,
                            List<String> problems) {
    }

    private Equities equities() {
        List<String> problems = new ArrayList<>();
        Map<String, BigDecimal[]> byKey = new TreeMap<>();
        Function<String, BigDecimal[]> slot = key -> byKey.computeIfAbsent(key,
                k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        for (PositionRow position : data.positions()) {
            BigDecimal pnl = position.realisedPnl();
            if (position.open()) {
                pnl = pnl.add(position.quantity().multiply(lastClose(data, position.symbol(), problems))
                        .subtract(position.cost()));
            }
            BigDecimal[] sums = slot.apply(position.strategyId() + "/" + position.symbol());
            sums[0] = sums[0].add(pnl);
        }
        Map<String, BigDecimal> held = new TreeMap<>();
        for (Order fill : data.orders()) {
            if (!fill.filled()) {
                continue;
            }
            String key = fill.strategyId() + "/" + fill.symbol();
            BigDecimal[] sums = slot.apply(key);
            sums[1] = sums[1].add(cashFlow(fill));
            BigDecimal baseFee = baseAsset(fill.symbol()).equals(fill.feeAsset()) ? fill.fee() : BigDecimal.ZERO;
            BigDecimal change = "BUY".equals(fill.side()) ? fill.quantity().subtract(baseFee)
                    : fill.quantity().add(baseFee).negate();
            held.merge(key, change, BigDecimal::add);
            if (!data.orderEndsAppliedAt().containsKey(fill.clientOrderId())) {
                problems.add("fill " + fill.clientOrderId() + " was never applied by risk");
            }
        }
        held.forEach((key, quantity) -> {
            String symbol = key.substring(key.indexOf('/') + 1);
            slot.apply(key)[1] = slot.apply(key)[1].add(quantity.multiply(lastClose(data, symbol, problems)));
            BigDecimal riskHolds = data.positions().stream().filter(PositionRow::open)
                    .filter(p -> key.equals(p.strategyId() + "/" + p.symbol()))
                    .map(PositionRow::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (riskHolds.compareTo(quantity) != 0) {
                problems.add(key + ": risk holds " + plain(riskHolds) + ", execution's fills leave " + plain(quantity));
            }
        });
        BigDecimal fromPositions = limits.startingBalance();
        BigDecimal fromFills = limits.startingBalance();
        for (BigDecimal[] sums : byKey.values()) {
            fromPositions = fromPositions.add(sums[0]);
            fromFills = fromFills.add(sums[1]);
        }
        return new Equities(fromPositions, fromFills, byKey, problems);
    }

    private Check pnlAddsUp(Equities equities) {
        List<String> mismatches = new ArrayList<>(equities.problems());
        equities.byKey().forEach((key, sums) -> {
            if (!same(sums[0], sums[1])) {
                mismatches.add(key + ": positions' P&L " + plain(round8(sums[0])) + " vs fills' " + plain(round8(sums[1])));
            }
        });
        boolean total = same(equities.fromPositions(), equities.fromFills());
        return new Check("3", "sum of realised + unrealised P&L of all positions == final equity - "
                + plain(limits.startingBalance()) + " (final equity from the venue's fills, fees included)",
                total && mismatches.isEmpty(),
                String.format(Locale.ROOT, "P&L of %d positions %s; fills give equity %s, so change %s; difference %s;"
                                + " %d strategy/symbol pairs agree%s", data.positions().size(),
                        plain(round8(equities.fromPositions().subtract(limits.startingBalance()))),
                        plain(round8(equities.fromFills())),
                        plain(round8(equities.fromFills().subtract(limits.startingBalance()))),
                        plain(round8(equities.fromPositions()).subtract(round8(equities.fromFills()))),
                        equities.byKey().size() - (int) mismatches.stream().filter(m -> m.contains(" vs ")).count(),
                        mismatches.isEmpty() ? "" : "; " + String.join("; ", mismatches.subList(0, Math.min(5, mismatches.size())))));
    }

    private Check apiShowsEquity(Equities equities) {
        BigDecimal shown = data.apiPortfolio().equity();
        boolean passed = shown != null && same(shown, equities.fromPositions()) && same(shown, equities.fromFills());
        return new Check("4", "GET /api/v1/portfolio (VIEWER) shows that equity", passed,
                "API equity " + (shown == null ? "(none)" : plain(shown)) + ", positions give "
                        + plain(round8(equities.fromPositions())) + ", fills give " + plain(round8(equities.fromFills()))
                        + "; API market time " + data.apiPortfolio().marketTime() + ", open positions "
                        + data.apiPortfolio().openPositions());
    }

    // ---- figures ----

    private BigDecimal cashFlow(Order fill) {
        BigDecimal notional = fill.quantity().multiply(fill.fillPrice());
        BigDecimal flow = "BUY".equals(fill.side()) ? notional.negate() : notional;
        return limits.quoteAsset().equals(fill.feeAsset()) ? flow.subtract(fill.fee()) : flow;
    }

    /** The symbol's last close, the mark open positions are valued at; a missing one is a problem, valued at 0. */
    static BigDecimal lastClose(AuditData data, String symbol, List<String> problems) {
        LastCandle candle = data.lastCandles().get(symbol);
        if (candle == null) {
            problems.add("no candle of " + symbol + " to mark it");
            return BigDecimal.ZERO;
        }
        return candle.close();
    }

    private String baseAsset(String symbol) {
        return symbol.endsWith(limits.quoteAsset()) ? symbol.substring(0, symbol.length() - limits.quoteAsset().length())
                : symbol;
    }

    static BigDecimal round8(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_EVEN);
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return round8(a).subtract(round8(b)).abs().compareTo(TOLERANCE) <= 0;
    }

    static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    static String percent(BigDecimal ratio) {
        return String.format(Locale.ROOT, "%.3f %%", ratio.doubleValue() * 100);
    }

}
