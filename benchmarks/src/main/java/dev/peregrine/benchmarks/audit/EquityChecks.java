package dev.peregrine.benchmarks.audit;

import static dev.peregrine.benchmarks.audit.AuditAmounts.lastClose;
import static dev.peregrine.benchmarks.audit.AuditAmounts.plain;
import static dev.peregrine.benchmarks.audit.AuditAmounts.round8;
import static dev.peregrine.benchmarks.audit.AuditAmounts.same;

import dev.peregrine.benchmarks.audit.AuditData.Order;
import dev.peregrine.benchmarks.audit.AuditData.PositionRow;
import dev.peregrine.benchmarks.audit.ReplayAudit.Check;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The audit's third and fourth invariants (checks 3 and 4): final equity computed two ways, from risk's positions
 * and from the venue's fills alone, agrees in total and per strategy and symbol, and the portfolio API shows it.
 */
final class EquityChecks {

    private final AuditData data;
    private final AuditData.Limits limits;

    EquityChecks(AuditData data) {
        this.data = data;
        this.limits = data.limits();
    }

    /** Final equity two ways, in total and per strategy and symbol. */
    record Equities(
            BigDecimal fromPositions, BigDecimal fromFills, Map<String, BigDecimal[]> byKey, List<String> problems) {}

    Equities equities() {
        List<String> problems = new ArrayList<>();
        Map<String, BigDecimal[]> byKey = new TreeMap<>();
        Function<String, BigDecimal[]> slot =
                key -> byKey.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        for (PositionRow position : data.positions()) {
            BigDecimal pnl = position.realisedPnl();
            if (position.open()) {
                pnl = pnl.add(position.quantity()
                        .multiply(lastClose(data, position.symbol(), problems))
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
            sums[1] = sums[1].add(AuditAmounts.cashFlow(limits, fill));
            BigDecimal baseFee = AuditAmounts.baseAsset(limits, fill.symbol()).equals(fill.feeAsset())
                    ? fill.fee()
                    : BigDecimal.ZERO;
            BigDecimal change = "BUY".equals(fill.side())
                    ? fill.quantity().subtract(baseFee)
                    : fill.quantity().add(baseFee).negate();
            held.merge(key, change, BigDecimal::add);
            if (!data.orderEndsAppliedAt().containsKey(fill.clientOrderId())) {
                problems.add("fill " + fill.clientOrderId() + " was never applied by risk");
            }
        }
        held.forEach((key, quantity) -> {
            String symbol = key.substring(key.indexOf('/') + 1);
            slot.apply(key)[1] = slot.apply(key)[1].add(quantity.multiply(lastClose(data, symbol, problems)));
            BigDecimal riskHolds = data.positions().stream()
                    .filter(PositionRow::open)
                    .filter(p -> key.equals(p.strategyId() + "/" + p.symbol()))
                    .map(PositionRow::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
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

    Check pnlAddsUp(Equities equities) {
        List<String> mismatches = new ArrayList<>(equities.problems());
        equities.byKey().forEach((key, sums) -> {
            if (!same(sums[0], sums[1])) {
                mismatches.add(
                        key + ": positions' P&L " + plain(round8(sums[0])) + " vs fills' " + plain(round8(sums[1])));
            }
        });
        boolean total = same(equities.fromPositions(), equities.fromFills());
        return new Check(
                "3",
                "sum of realised + unrealised P&L of all positions == final equity - " + plain(limits.startingBalance())
                        + " (final equity from the venue's fills, fees included)",
                total && mismatches.isEmpty(),
                String.format(
                        Locale.ROOT,
                        "P&L of %d positions %s; fills give equity %s, so change %s; difference %s;"
                                + " %d strategy/symbol pairs agree%s",
                        data.positions().size(),
                        plain(round8(equities.fromPositions().subtract(limits.startingBalance()))),
                        plain(round8(equities.fromFills())),
                        plain(round8(equities.fromFills().subtract(limits.startingBalance()))),
                        plain(round8(equities.fromPositions()).subtract(round8(equities.fromFills()))),
                        equities.byKey().size()
                                - (int) mismatches.stream()
                                        .filter(m -> m.contains(" vs "))
                                        .count(),
                        mismatches.isEmpty()
                                ? ""
                                : "; " + String.join("; ", mismatches.subList(0, Math.min(5, mismatches.size())))));
    }

    Check apiShowsEquity(Equities equities) {
        BigDecimal shown = data.apiPortfolio().equity();
        boolean passed = shown != null && same(shown, equities.fromPositions()) && same(shown, equities.fromFills());
        return new Check(
                "4",
                "GET /api/v1/portfolio (VIEWER) shows that equity",
                passed,
                "API equity " + (shown == null ? "(none)" : plain(shown)) + ", positions give "
                        + plain(round8(equities.fromPositions())) + ", fills give "
                        + plain(round8(equities.fromFills()))
                        + "; API market time " + data.apiPortfolio().marketTime() + ", open positions "
                        + data.apiPortfolio().openPositions());
    }
}
