package dev.peregrine.benchmarks.audit;

import static dev.peregrine.benchmarks.audit.AuditAmounts.RATIO;
import static dev.peregrine.benchmarks.audit.AuditAmounts.TOLERANCE;
import static dev.peregrine.benchmarks.audit.AuditAmounts.percent;
import static dev.peregrine.benchmarks.audit.AuditAmounts.plain;

import dev.peregrine.benchmarks.audit.AuditData.Decision;
import dev.peregrine.benchmarks.audit.AuditData.EquityPoint;
import dev.peregrine.benchmarks.audit.AuditData.Intent;
import dev.peregrine.benchmarks.audit.AuditData.Order;
import dev.peregrine.benchmarks.audit.ReplayAudit.Check;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit's first invariant, gross exposure never above its limit (checks 1a to 1c): on every hourly point of the
 * equity curve, for every approved entry against the equity it was sized on, and at each approval recomputed from
 * the positions, the entries in flight and the new order.
 */
final class ExposureChecks {

    private static final Pattern EQUITY_IN_BUDGET = Pattern.compile("= equity (-?[0-9]+(?:\\.[0-9]+)?) ");

    private final AuditData data;
    private final AuditData.Limits limits;
    private final Map<String, Intent> intentsByDecision = new HashMap<>();

    ExposureChecks(AuditData data) {
        this.data = data;
        this.limits = data.limits();
        data.intents().forEach(i -> intentsByDecision.put(i.decisionId(), i));
    }

    Check hourlyGrossExposure() {
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
                worstWithReserved = worstWithReserved.max(
                        point.grossExposure().add(point.reserved()).divide(point.equity(), RATIO));
            }
        }
        return new Check(
                "1a",
                "hourly equity curve: gross exposure <= " + plain(limits.maxGrossExposure()) + " x equity",
                violations == 0 && !data.equityCurve().isEmpty(),
                String.format(
                        Locale.ROOT,
                        "%d hourly points, %d above the limit; highest gross/equity %s, "
                                + "(gross + reserved)/equity %s%s",
                        data.equityCurve().size(),
                        violations,
                        percent(worst),
                        percent(worstWithReserved),
                        first == null ? "" : "; first: " + first));
    }

    Check approvalsWithinPositionFraction() {
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
                first = first == null
                        ? decision.decisionId() + ": notional " + plain(notional) + " on equity " + plain(equity.get())
                        : first;
            }
        }
        return new Check(
                "1b",
                "every approved entry: notional <= " + plain(limits.maxPositionFraction())
                        + " x equity at the decision",
                violations == 0,
                String.format(
                        Locale.ROOT,
                        "%d approved entries, %d above; largest notional/equity %s%s",
                        approvals,
                        violations,
                        percent(worst),
                        first == null ? "" : "; first: " + first));
    }

    /**
     * At each approval, from the stores: risk's equity then (its RISK_BUDGET reason), its quote cash then (the
     * starting balance plus the cash flows of every fill risk had applied before it decided, by
     * {@code risk.applied_facts}), so the positions were worth equity minus cash; plus the entries approved before and
     * not yet ended (their reservations, with the buffer); plus this order's notional.
     */
    Check grossAtEachApproval() {
        List<Order> fills = data.orders().stream()
                .filter(Order::filled)
                .filter(o -> data.orderEndsAppliedAt().containsKey(o.clientOrderId()))
                .sorted(Comparator.comparing(o -> data.orderEndsAppliedAt().get(o.clientOrderId())))
                .toList();
        List<Decision> approvals = data.decisions().stream()
                .filter(Decision::approvedEntry)
                .sorted(Comparator.comparing(Decision::decidedAt))
                .toList();
        boolean oneSymbol =
                data.decisions().stream().map(Decision::symbol).distinct().count() <= 1;
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
                    && data.orderEndsAppliedAt()
                            .get(fills.get(nextFill).clientOrderId())
                            .isBefore(at)) {
                cash = cash.add(AuditAmounts.cashFlow(limits, fills.get(nextFill++)));
            }
            Optional<BigDecimal> equity = equityDecidedOn(decision);
            if (equity.isEmpty()) {
                continue; // counted by 1b
            }
            BigDecimal reserved = BigDecimal.ZERO;
            for (int j = 0; j < i; j++) {
                Decision earlier = approvals.get(j);
                Intent intent = intentsByDecision.get(earlier.decisionId());
                Instant ended =
                        intent == null ? null : data.orderEndsAppliedAt().get(intent.clientOrderId());
                if (ended == null || ended.isAfter(at)) {
                    reserved = reserved.add(
                            earlier.quantity().multiply(earlier.entryPrice()).multiply(bufferFactor));
                }
            }
            BigDecimal positions = equity.get().subtract(cash);
            BigDecimal gross = positions.add(reserved).add(decision.quantity().multiply(decision.entryPrice()));
            checked++;
            BigDecimal grossRatio = gross.divide(equity.get(), RATIO);
            worstGross = worstGross.max(grossRatio);
            boolean bad = gross.compareTo(
                            equity.get().multiply(limits.maxGrossExposure()).add(TOLERANCE))
                    > 0;
            if (oneSymbol) {
                worstSymbol = worstSymbol.max(grossRatio);
                bad |= gross.compareTo(equity.get()
                                .multiply(limits.maxSymbolFraction())
                                .add(TOLERANCE))
                        > 0;
            }
            if (bad) {
                violations++;
                first = first == null
                        ? decision.decisionId() + " at " + at + ": positions " + plain(positions)
                                + " + reserved " + plain(reserved) + " + order = " + plain(gross) + " on equity "
                                + plain(equity.get())
                        : first;
            }
        }
        return new Check(
                "1c",
                "at every approval: positions + reservations + this order <= "
                        + plain(limits.maxGrossExposure()) + " x equity"
                        + (oneSymbol ? " (and <= " + plain(limits.maxSymbolFraction()) + " x equity, one symbol)" : ""),
                violations == 0,
                String.format(
                        Locale.ROOT,
                        "%d approvals recomputed, %d above; highest (positions + reserved + order)" + "/equity %s%s",
                        checked,
                        violations,
                        percent(worstGross),
                        first == null ? "" : "; first: " + first));
    }

    /** Risk's equity when it sized the entry, from its RISK_BUDGET reason ("base ... = equity E USDT x ..."). */
    static Optional<BigDecimal> equityDecidedOn(Decision decision) {
        return decision.reasons().stream()
                .filter(r -> "RISK_BUDGET".equals(r.code()))
                .findFirst()
                .map(r -> EQUITY_IN_BUDGET.matcher(r.detail()))
                .filter(Matcher::find)
                .map(m -> new BigDecimal(m.group(1)));
    }
}
