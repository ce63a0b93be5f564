package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.audit.AuditData.Decision;
import dev.peregrine.benchmarks.audit.AuditData.EquityPoint;
import dev.peregrine.benchmarks.audit.AuditData.Intent;
import dev.peregrine.benchmarks.audit.AuditData.Order;
import dev.peregrine.benchmarks.audit.AuditData.PositionRow;
import dev.peregrine.benchmarks.audit.ReplayAudit.Account;
import dev.peregrine.benchmarks.audit.ReplayAudit.StrategyStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures a replay is reported with, beside the checks of {@link ReplayAudit}: per strategy (trades, win rate,
 * P&L, fees, exit reasons), the account (final equity, drawdown, holding times), and what the speed-0 replay did to
 * the results (exits lost to later legs, risk's marks ahead of the signals).
 */
final class ReplayFigures {

    private final AuditData data;
    private final AuditData.Limits limits;
    private final Map<String, Order> ordersById = new HashMap<>();
    private final Map<String, Intent> intentsByDecision = new HashMap<>();

    ReplayFigures(AuditData data) {
        this.data = data;
        this.limits = data.limits();
        data.orders().forEach(o -> ordersById.put(o.clientOrderId(), o));
        data.intents().forEach(i -> intentsByDecision.put(i.decisionId(), i));
    }

    List<StrategyStats> strategies() {
        Map<String, List<PositionRow>> byStrategy = data.positions().stream()
                .collect(Collectors.groupingBy(PositionRow::strategyId, TreeMap::new, Collectors.toList()));
        data.decisions().forEach(d -> byStrategy.computeIfAbsent(d.strategyId(), s -> new ArrayList<>()));
        List<StrategyStats> stats = new ArrayList<>();
        byStrategy.forEach((strategy, positions) -> stats.add(stats(strategy, positions)));
        return stats;
    }

    /** The figures of {@code positions}: one strategy's, or all of them. */
    StrategyStats stats(String name, List<PositionRow> positions) {
        int trades = 0;
        int wins = 0;
        int open = 0;
        BigDecimal realised = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal openPnl = BigDecimal.ZERO;
        Map<String, Integer> exits = new TreeMap<>();
        List<PositionRow> closed = new ArrayList<>();
        for (PositionRow position : positions) {
            fees = fees.add(position.fees());
            if (position.open()) {
                open++;
                openPnl = openPnl.add(position.realisedPnl())
                        .add(position.quantity()
                                .multiply(AuditAmounts.lastClose(data, position.symbol(), new ArrayList<>()))
                                .subtract(position.cost()));
                continue;
            }
            trades++;
            closed.add(position);
            realised = realised.add(position.realisedPnl());
            if (position.realisedPnl().signum() > 0) {
                wins++;
            }
            exits.merge(exitReason(position), 1, Integer::sum);
        }
        closed.sort(Comparator.comparing(PositionRow::closedAt));
        BigDecimal equity = limits.startingBalance();
        BigDecimal peak = equity;
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        for (PositionRow position : closed) {
            equity = equity.add(position.realisedPnl());
            peak = peak.max(equity);
            maxDrawdown = maxDrawdown.max(peak.subtract(equity).divide(peak, AuditAmounts.RATIO));
        }
        return new StrategyStats(name, trades, wins, realised, fees, open, openPnl, maxDrawdown, exits);
    }

    /** STOP_LOSS, TAKE_PROFIT, or the reason of the EXIT order that closed the position (OPPOSITE_SIGNAL, ...). */
    private String exitReason(PositionRow position) {
        Order closing = ordersById.get(position.lastCause());
        if (closing == null) {
            return position.closeReason() == null ? "UNKNOWN" : position.closeReason();
        }
        if ("EXIT".equals(closing.purpose())) {
            return closing.exitReasonCode() == null ? "EXIT" : closing.exitReasonCode();
        }
        return closing.purpose();
    }

    Account account(BigDecimal finalEquity, Duration maxHoldingTime) {
        BigDecimal peak = limits.startingBalance();
        BigDecimal maxDrawdown = BigDecimal.ZERO;
        Instant maxDrawdownAt = null;
        BigDecimal maxRisk = BigDecimal.ZERO;
        for (EquityPoint point : data.equityCurve()) {
            peak = peak.max(point.equity());
            BigDecimal drawdown = peak.subtract(point.equity()).divide(peak, AuditAmounts.RATIO);
            if (drawdown.compareTo(maxDrawdown) > 0) {
                maxDrawdown = drawdown;
                maxDrawdownAt = point.hour();
            }
            maxRisk = maxRisk.max(point.drawdown());
        }
        // Rows last written after the row of a later hour: the valuation they hold is from a later market time.
        List<EquityPoint> curve = data.equityCurve();
        long outOfOrder = 0;
        Duration rewrittenSpan = Duration.ZERO;
        Instant laterMin = null;
        for (int i = curve.size() - 1; i >= 0; i--) {
            Instant recorded = curve.get(i).recordedAt();
            if (laterMin != null && laterMin.isBefore(recorded)) {
                outOfOrder++;
                for (int j = curve.size() - 1; j > i; j--) {
                    if (curve.get(j).recordedAt().isBefore(recorded)) {
                        Duration span = Duration.between(
                                curve.get(i).hour(), curve.get(j).hour());
                        rewrittenSpan = span.compareTo(rewrittenSpan) > 0 ? span : rewrittenSpan;
                        break;
                    }
                }
            }
            laterMin = laterMin == null || recorded.isBefore(laterMin) ? recorded : laterMin;
        }
        Map<String, Long> decisions = new LinkedHashMap<>();
        decisions.put("signals decided", (long) data.decisions().size());
        decisions.put(
                "approved BUY",
                data.decisions().stream().filter(Decision::approvedEntry).count());
        decisions.put(
                "approved SELL",
                data.decisions().stream()
                        .filter(d -> "APPROVED".equals(d.outcome()) && "SELL".equals(d.side()))
                        .count());
        decisions.put(
                "denied",
                data.decisions().stream()
                        .filter(d -> "DENIED".equals(d.outcome()))
                        .count());
        Map<String, Long> denials = data.decisions().stream()
                .filter(d -> "DENIED".equals(d.outcome()))
                .collect(Collectors.groupingBy(Decision::primaryReason, TreeMap::new, Collectors.counting()));
        Map<String, Long> exitIntents = data.intents().stream()
                .filter(i -> "EXIT".equals(i.purpose()))
                .collect(Collectors.groupingBy(
                        i -> i.exitReasonCode() == null ? "?" : i.exitReasonCode(),
                        TreeMap::new,
                        Collectors.counting()));
        Map<String, Long> transitions = data.controlEvents().stream()
                .collect(Collectors.groupingBy(e -> e.control() + "->" + e.to(), TreeMap::new, Collectors.counting()));
        Instant firstHalt = data.controlEvents().stream()
                .filter(e -> "DRAWDOWN_LIMIT".equals(e.control()))
                .filter(e -> "HALTED".equals(e.to()))
                .map(AuditData.ControlEvent::marketTime)
                .min(Comparator.naturalOrder())
                .orElse(null);
        Duration longest = Duration.ZERO;
        long pastLimit = 0;
        for (PositionRow position : data.positions()) {
            if (position.open()) {
                continue;
            }
            Duration held = Duration.between(position.openedAt(), position.closedAt());
            longest = held.compareTo(longest) > 0 ? held : longest;
            // A 15m series: the exit is the candle after the limit, and its fill the candle after that.
            if (maxHoldingTime != null && held.compareTo(maxHoldingTime.plusHours(1)) > 0) {
                pastLimit++;
            }
        }
        return new Account(
                limits.startingBalance(),
                data.apiPortfolio().equity() != null ? data.apiPortfolio().equity() : AuditAmounts.round8(finalEquity),
                maxDrawdown,
                maxDrawdownAt,
                maxRisk,
                data.equityCurve().size(),
                decisions,
                denials,
                exitIntents,
                transitions,
                firstHalt,
                longest,
                pastLimit,
                outOfOrder,
                rewrittenSpan,
                marksAhead(),
                exitOrders(),
                exitsLostToLaterLegs());
    }

    /** Execution's EXIT orders by how they ended: FILLED, or REJECTED with its code, CANCELED, working. */
    private Map<String, Long> exitOrders() {
        return data.orders().stream()
                .filter(o -> "EXIT".equals(o.purpose()))
                .collect(Collectors.groupingBy(
                        o -> o.rejectCode() == null ? o.state() : o.state() + " " + o.rejectCode(),
                        TreeMap::new,
                        Collectors.counting()));
    }

    /**
     * EXIT orders rejected NOTHING_HELD because a protective leg had sold the position on the candle the exit was to
     * fill on (the first opening after its notBefore) or a later one: execution had already seen that candle when the
     * exit arrived. Live, the exit arrives before that candle closes, fills at its open and cancels the legs. (An exit
     * whose position a leg had sold on an earlier candle was moot: its signal came after the position had closed.)
     */
    private long exitsLostToLaterLegs() {
        long lost = 0;
        for (Order exit : data.orders()) {
            if (!"EXIT".equals(exit.purpose())
                    || !"NOTHING_HELD".equals(exit.rejectCode())
                    || exit.endSequence() == null
                    || exit.notBefore() == null) {
                continue;
            }
            Optional<Order> emptiedBy = data.orders().stream()
                    .filter(o -> o.filled() && "SELL".equals(o.side()) && !"EXIT".equals(o.purpose()))
                    .filter(o -> o.strategyId().equals(exit.strategyId())
                            && o.symbol().equals(exit.symbol()))
                    .filter(o -> o.fillSequence() < exit.endSequence())
                    .max(Comparator.comparing(Order::fillSequence));
            if (emptiedBy.isPresent() && emptiedBy.get().settledAt().isAfter(exit.notBefore())) {
                lost++;
            }
        }
        return lost;
    }

    /**
     * How far risk's market time (the latest candle close or fill it had announced a valuation for) was ahead of the
     * candle each decision's signal was made on: the median, 90th percentile and maximum, empty without data. Zero in
     * live trading; in a replay at speed 0 risk reads the candles long before signal-service has judged them.
     */
    private List<Duration> marksAhead() {
        List<AuditData.Valued> valued = data.valuations().stream()
                .sorted(Comparator.comparing(AuditData.Valued::processedAt))
                .toList();
        List<Instant> processed = new ArrayList<>(valued.size());
        List<Instant> latest = new ArrayList<>(valued.size());
        Instant max = Instant.MIN;
        for (AuditData.Valued value : valued) {
            max = value.marketTime().isAfter(max) ? value.marketTime() : max;
            processed.add(value.processedAt());
            latest.add(max);
        }
        List<Duration> ahead = new ArrayList<>();
        for (Decision decision : data.decisions()) {
            if (decision.signalCandleClose() == null) {
                continue;
            }
            int index = java.util.Collections.binarySearch(processed, decision.decidedAt());
            int before = index >= 0 ? index : -index - 2;
            if (before >= 0) {
                Duration lead = Duration.between(decision.signalCandleClose(), latest.get(before));
                ahead.add(lead.isNegative() ? Duration.ZERO : lead);
            }
        }
        if (ahead.isEmpty()) {
            return List.of();
        }
        ahead.sort(Comparator.naturalOrder());
        return List.of(
                ahead.get(ahead.size() / 2),
                ahead.get((int) Math.min(ahead.size() - 1L, Math.round(ahead.size() * 0.9))),
                ahead.getLast());
    }

    // ---- arithmetic ----

    /** Quote cash a fill moved: a BUY pays its notional, a SELL receives it; a quote-asset fee is paid either way. */
}
