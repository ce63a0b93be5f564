package dev.peregrine.risk.domain;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fixed-fractional position sizing: risk {@code equity x riskPerTrade x confidence x sizeMultiplier} on the
 * distance from entry to stop, so a stopped-out trade loses at most that budget. The notional is capped at
 * {@code equity x maxPositionFraction} (a tight stop must not put the whole account into one position) and
 * the quantity is rounded DOWN to the step size: rounding may only ever shrink risk.
 *
 * <p>All arithmetic is exact {@link BigDecimal}: divisions are done directly to a whole number of steps
 * with {@link RoundingMode#DOWN}, so no intermediate rounding can push a size above its budget.
 */
public final class PositionSizer {

    /** {@link Money} carries at most 18 decimals. */
    private static final int MAX_SCALE = 18;

    private final RiskLimits limits;

    public PositionSizer(RiskLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public RiskDecision size(SizingRequest request, Money equity, InstrumentFilters filters) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(filters, "filters");
        if (equity.amount().signum() <= 0) {
            return deny(ReasonCodes.NO_EQUITY, "equity " + equity + " leaves nothing to risk");
        }

        List<Reason> refusals = new ArrayList<>();
        // SKIP first: it is usually the very reason the signal is flagged not tradeable.
        if (request.action() == RecommendedAction.SKIP) {
            refusals.add(Reason.of(ReasonCodes.ACTION_SKIP, "signal validation recommends SKIP"));
        }
        if (!request.tradeable()) {
            refusals.add(Reason.of(ReasonCodes.SIGNAL_NOT_TRADEABLE,
                    "the signal is flagged not tradeable (e.g. its strategy is paused)"));
        }
        if (!refusals.isEmpty()) {
            return new RiskDecision.Denied(refusals);
        }

        BigDecimal entry = request.entryPrice().value();
        BigDecimal stop = request.stopPrice().value();
        BigDecimal stopDistance = request.side() == Side.BUY ? entry.subtract(stop) : stop.subtract(entry);
        if (stopDistance.signum() <= 0) {
            String detail = stopDistance.signum() == 0
                    ? "stop " + plain(stop) + " equals entry: no distance to size the risk on"
                    : "stop " + plain(stop) + " is on the wrong side of entry " + plain(entry) + " for a " + request.side();
            return deny(ReasonCodes.ZERO_STOP_DISTANCE, detail);
        }

        BigDecimal step = filters.stepSize();
        BigDecimal riskBudget = equity.amount().multiply(limits.riskPerTrade())
                .multiply(request.confidence()).multiply(request.sizeMultiplier());
        BigDecimal maxNotional = equity.amount().multiply(limits.maxPositionFraction());
        // budget / distance x entry > maxNotional, cross-multiplied to stay exact (all terms are positive).
        boolean capped = riskBudget.multiply(entry).compareTo(maxNotional.multiply(stopDistance)) > 0;
        BigDecimal steps = capped
                ? maxNotional.divide(entry.multiply(step), 0, RoundingMode.DOWN)
                : riskBudget.divide(stopDistance.multiply(step), 0, RoundingMode.DOWN);
        BigDecimal quantity = steps.multiply(step);
        if (quantity.scale() < 0) {
            quantity = quantity.setScale(0, RoundingMode.UNNECESSARY);
        }

        if (quantity.signum() == 0) {
            return deny(ReasonCodes.BELOW_MIN_NOTIONAL, "quantity rounds down to zero at step size " + plain(step)
                    + " (risk budget " + plain(riskBudget) + " " + equity.currency() + " over stop distance "
                    + plain(stopDistance) + ")");
        }
        BigDecimal notional = quantity.multiply(entry);
        if (notional.compareTo(filters.minNotional()) < 0) {
            refusals.add(Reason.of(ReasonCodes.BELOW_MIN_NOTIONAL, "notional " + plain(notional) + " " + equity.currency()
                    + " is below the minimum " + plain(filters.minNotional())));
        }
        if (quantity.compareTo(filters.minQuantity()) < 0) {
            refusals.add(Reason.of(ReasonCodes.BELOW_MIN_QUANTITY, "quantity " + plain(quantity)
                    + " is below the minimum " + plain(filters.minQuantity())));
        }
        if (!refusals.isEmpty()) {
            return new RiskDecision.Denied(refusals);
        }

        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of(ReasonCodes.RISK_BUDGET, "risk budget " + plain(riskBudget) + " " + equity.currency()
                + " = equity " + plain(equity.amount()) + " x risk per trade " + plain(limits.riskPerTrade())
                + " x confidence " + plain(request.confidence()) + " x size multiplier " + plain(request.sizeMultiplier())
                + ", over stop distance " + plain(stopDistance)));
        if (request.action() == RecommendedAction.REDUCE) {
            reasons.add(Reason.of(ReasonCodes.REDUCED_BY_SIGNAL, "signal validation recommends REDUCE: sized at its multiplier "
                    + plain(request.sizeMultiplier())));
        }
        if (capped) {
            reasons.add(Reason.of(ReasonCodes.CAPPED_BY_MAX_POSITION, "notional capped at " + plain(maxNotional) + " "
                    + equity.currency() + " = max position fraction " + plain(limits.maxPositionFraction()) + " of equity"));
        }
        BigDecimal riskAmount = quantity.multiply(stopDistance);
        if (riskAmount.scale() > MAX_SCALE) {
            // Rounded up: the reported risk may overstate the loss at the stop, never understate it.
            riskAmount = riskAmount.setScale(MAX_SCALE, RoundingMode.UP);
        }
        return new RiskDecision.Approved(Quantity.of(quantity), new Money(riskAmount, equity.currency()), reasons);
    }

    private static RiskDecision deny(String code, String detail) {
        return new RiskDecision.Denied(List.of(Reason.of(code, detail)));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
