package dev.peregrine.risk.domain.sizing;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.risk.domain.InstrumentFilters;
import dev.peregrine.risk.domain.ReasonCodes;
import dev.peregrine.risk.domain.RiskDecision;
import dev.peregrine.risk.domain.control.CapitalRamp;
import dev.peregrine.risk.domain.portfolio.Money18;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sizes a long entry and checks it against every limit:
 * <ol>
 *   <li>base quantity = equity x risk per trade / stop distance;</li>
 *   <li>capped by each value limit (position, symbol, correlation group, gross exposure, available cash, the
 *       exchange's maximum quantity and notional): the smallest room wins;</li>
 *   <li>scaled by the validation's confidence and size multiplier, the regime's factor and the breaker's factor,
 *       applied to the capped size so that quality still matters when a limit binds;</li>
 *   <li>rounded down to the step size and checked against the exchange's minimums.</li>
 * </ol>
 * A denial names every limit it hit.
 */
public final class EntrySizer {

    private static final int QUOTE_SCALE = 8;

    private final RiskPolicy policy;

    public EntrySizer(RiskPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public RiskPolicy policy() {
        return policy;
    }

    public SizedEntry size(EntryRequest request, AccountState account) {
        List<Reason> blocks = new ArrayList<>(account.blocks());
        List<LimitCheck> checks = new ArrayList<>();
        String quote = account.quoteAsset();
        BigDecimal entry = request.entryPrice();
        BigDecimal stopDistance = entry.subtract(request.stopPrice());
        InstrumentFilters filters = account.filters();

        if (filters == null) {
            blocks.add(Reason.of(
                    ReasonCodes.NO_INSTRUMENT_FILTERS,
                    "no exchange filters known for " + request.key().symbol().value()
                            + " yet (market.instruments.v1)"));
        } else if (!filters.trading()) {
            blocks.add(Reason.of(
                    ReasonCodes.SYMBOL_NOT_TRADING,
                    request.key().symbol().value() + " is " + filters.status() + " at the exchange"));
        }
        if (stopDistance.signum() <= 0) {
            blocks.add(Reason.of(
                    ReasonCodes.ZERO_STOP_DISTANCE,
                    "a long's stop " + plain(request.stopPrice()) + " must be below its entry " + plain(entry)));
        }
        if (account.equity().signum() <= 0) {
            blocks.add(Reason.of(ReasonCodes.NO_EQUITY, "equity is " + plain(account.equity()) + " " + quote));
        }
        if (account.positionOpen() && !policy.addToPositions()) {
            blocks.add(Reason.of(
                    ReasonCodes.POSITION_OPEN,
                    request.key() + " already holds or is entering a position" + " and adding to positions is off"));
        }
        checks.add(count("MAX_OPEN_POSITIONS", policy.maxOpenPositions(), account.openPositions(), "open positions"));
        checks.add(count(
                "MAX_ORDERS_PER_MINUTE",
                policy.maxOrdersPerMinute(),
                account.ordersLastMinute(),
                "orders in the last minute"));

        if (!blocks.isEmpty()
                && (filters == null
                        || stopDistance.signum() <= 0
                        || account.equity().signum() <= 0)) {
            return deny(blocks, checks);
        }

        BigDecimal equity = account.equity();
        BigDecimal base = Money18.divide(equity.multiply(policy.riskPerTrade()), stopDistance);
        BigDecimal capped = base;
        capped = capped.min(room(
                checks,
                "MAX_POSITION_FRACTION",
                policy.maxPositionFraction(),
                equity,
                account.positionValue(),
                entry,
                base,
                "position " + request.key(),
                quote));
        capped = capped.min(room(
                checks,
                "MAX_SYMBOL_FRACTION",
                policy.maxSymbolFraction(),
                equity,
                account.symbolValue(),
                entry,
                base,
                "symbol " + request.key().symbol().value(),
                quote));
        capped = capped.min(room(
                checks,
                "MAX_GROUP_FRACTION",
                policy.maxGroupFraction(),
                equity,
                account.groupValue(),
                entry,
                base,
                "correlation group " + account.group(),
                quote));
        capped = capped.min(room(
                checks,
                "MAX_GROSS_EXPOSURE",
                policy.maxGrossExposure(),
                equity,
                account.grossValue(),
                entry,
                base,
                "gross exposure",
                quote));
        capped = capped.min(cashRoom(checks, account.availableCash(), entry, base, quote));
        capped = capped.min(rampRoom(checks, account.capitalRamp(), account.grossValue(), entry, base, quote));
        if (filters != null) {
            capped = capped.min(exchangeRoom(checks, filters, entry, base));
        }
        for (LimitCheck check : checks) {
            if (check.status() == LimitCheck.Status.BLOCKS) {
                blocks.add(Reason.of(check.name(), check.detail()));
            }
        }
        if (!blocks.isEmpty()) {
            return deny(blocks, checks);
        }

        BigDecimal regimeFactor = policy.regimeFactor(request.regime());
        BigDecimal scaled = capped.multiply(request.confidence())
                .multiply(request.sizeMultiplier())
                .multiply(regimeFactor)
                .multiply(account.sizeFactor());
        BigDecimal quantity = filters.roundDownToStep(scaled);
        BigDecimal notional = quantity.multiply(entry);
        List<Reason> refusals = new ArrayList<>();
        if (quantity.signum() == 0 || notional.compareTo(filters.minNotional()) < 0) {
            refusals.add(Reason.of(
                    ReasonCodes.BELOW_MIN_NOTIONAL,
                    "quantity " + plain(quantity) + " x " + plain(entry)
                            + " = " + plain(notional) + " " + quote + " is below the exchange's minimum notional "
                            + plain(filters.minNotional()) + " (" + plain(capped)
                            + " before confidence, size multiplier,"
                            + " regime and breaker factors)"));
        }
        if (quantity.compareTo(filters.minQuantity()) < 0) {
            refusals.add(Reason.of(
                    ReasonCodes.BELOW_MIN_QUANTITY,
                    "quantity " + plain(quantity) + " is below the exchange's minimum "
                            + plain(filters.minQuantity())));
        }
        if (!refusals.isEmpty()) {
            return deny(refusals, checks);
        }

        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.of(
                ReasonCodes.RISK_BUDGET,
                "base " + plain(base) + " = equity " + plain(equity) + " " + quote + " x risk per trade "
                        + plain(policy.riskPerTrade()) + " / stop distance " + plain(stopDistance)));
        for (LimitCheck check : checks) {
            // The binding limit(s): the ones whose room is the capped size.
            if (check.status() == LimitCheck.Status.CAPS && check.room().compareTo(capped) == 0) {
                reasons.add(Reason.of("CAPPED_BY_" + check.name(), check.detail()));
            }
        }
        reasons.add(Reason.of(
                ReasonCodes.QUALITY_SCALING,
                plain(capped) + " x confidence " + plain(request.confidence())
                        + " x size multiplier " + plain(request.sizeMultiplier()) + " x regime "
                        + (request.regime() == null ? "(none)" : request.regime()) + " factor " + plain(regimeFactor)
                        + " x breaker factor " + plain(account.sizeFactor()) + " = " + plain(scaled)
                        + ", rounded down to step "
                        + plain(filters.stepSize()) + ": " + plain(quantity)));
        BigDecimal riskAmount = quantity.multiply(stopDistance).setScale(QUOTE_SCALE, RoundingMode.UP);
        BigDecimal stopLoss = filters.roundToTick(request.stopPrice(), RoundingMode.DOWN);
        BigDecimal takeProfit =
                filters.roundToTick(entry.add(stopDistance.multiply(policy.rewardToRisk())), RoundingMode.UP);
        return new SizedEntry(
                new RiskDecision.Approved(Quantity.of(quantity), new Money(Money18.trim(riskAmount), quote), reasons),
                checks,
                stopLoss,
                takeProfit);
    }

    private static SizedEntry deny(List<Reason> reasons, List<LimitCheck> checks) {
        return new SizedEntry(new RiskDecision.Denied(reasons), checks, null, null);
    }

    private static LimitCheck count(String name, int limit, int used, String what) {
        boolean blocks = used >= limit;
        return new LimitCheck(
                name,
                BigDecimal.valueOf(limit),
                BigDecimal.valueOf(used),
                null,
                blocks ? LimitCheck.Status.BLOCKS : LimitCheck.Status.PASS,
                used + " " + what + " of at most " + limit);
    }

    /** Base quantity that fits under {@code fraction} of equity, given {@code used}; records the check. */
    private static BigDecimal room(
            List<LimitCheck> checks,
            String name,
            BigDecimal fraction,
            BigDecimal equity,
            BigDecimal used,
            BigDecimal entry,
            BigDecimal base,
            String what,
            String quote) {
        BigDecimal limit = equity.multiply(fraction);
        BigDecimal free = limit.subtract(used).max(BigDecimal.ZERO);
        BigDecimal quantity = Money18.divide(free, entry);
        LimitCheck.Status status = free.signum() == 0
                ? LimitCheck.Status.BLOCKS
                : quantity.compareTo(base) < 0 ? LimitCheck.Status.CAPS : LimitCheck.Status.PASS;
        checks.add(new LimitCheck(
                name,
                Money18.shown(limit),
                Money18.shown(used),
                quantity,
                status,
                what + ": "
                        + plain(Money18.shown(used)) + " of " + plain(Money18.shown(limit)) + " " + quote + " ("
                        + plain(fraction)
                        + " of equity) used, room for " + plain(Money18.shown(quantity)) + " at " + plain(entry)));
        return quantity;
    }

    private BigDecimal cashRoom(
            List<LimitCheck> checks, BigDecimal available, BigDecimal entry, BigDecimal base, String quote) {
        BigDecimal free = available.max(BigDecimal.ZERO);
        BigDecimal quantity = Money18.divide(free, entry.multiply(BigDecimal.ONE.add(policy.reservationBuffer())));
        LimitCheck.Status status = free.signum() == 0
                ? LimitCheck.Status.BLOCKS
                : quantity.compareTo(base) < 0 ? LimitCheck.Status.CAPS : LimitCheck.Status.PASS;
        checks.add(new LimitCheck(
                "AVAILABLE_CASH",
                Money18.shown(free),
                BigDecimal.ZERO,
                quantity,
                status,
                plain(Money18.shown(free)) + " " + quote + " free after reservations, room for "
                        + plain(Money18.shown(quantity)) + " at " + plain(entry) + " with a "
                        + plain(policy.reservationBuffer()) + " buffer for fees and slippage"));
        return quantity;
    }

    /** The operator's capital ramp: a cap per order and one on gross exposure, in the quote asset. */
    private static BigDecimal rampRoom(
            List<LimitCheck> checks,
            CapitalRamp ramp,
            BigDecimal grossValue,
            BigDecimal entry,
            BigDecimal base,
            String quote) {
        BigDecimal room = base;
        if (ramp.maxOrderNotional() != null) {
            BigDecimal max = ramp.maxOrderNotional();
            BigDecimal quantity = Money18.divide(max, entry);
            checks.add(new LimitCheck(
                    "CAPITAL_RAMP_ORDER",
                    max,
                    BigDecimal.ZERO,
                    quantity,
                    status(max, quantity, base),
                    "the capital ramp allows orders of at most " + plain(max) + " " + quote + ", room for "
                            + plain(Money18.shown(quantity)) + " at " + plain(entry)));
            room = room.min(quantity);
        }
        if (ramp.maxTotalExposure() != null) {
            BigDecimal max = ramp.maxTotalExposure();
            BigDecimal free = max.subtract(grossValue).max(BigDecimal.ZERO);
            BigDecimal quantity = Money18.divide(free, entry);
            checks.add(new LimitCheck(
                    "CAPITAL_RAMP_TOTAL",
                    max,
                    Money18.shown(grossValue),
                    quantity,
                    status(free, quantity, base),
                    "the capital ramp allows " + plain(max) + " " + quote
                            + " in all positions and entries in flight; " + plain(Money18.shown(grossValue))
                            + " used, room for "
                            + plain(Money18.shown(quantity)) + " at " + plain(entry)));
            room = room.min(quantity);
        }
        return room;
    }

    private static LimitCheck.Status status(BigDecimal free, BigDecimal quantity, BigDecimal base) {
        return free.signum() == 0
                ? LimitCheck.Status.BLOCKS
                : quantity.compareTo(base) < 0 ? LimitCheck.Status.CAPS : LimitCheck.Status.PASS;
    }

    private static BigDecimal exchangeRoom(
            List<LimitCheck> checks, InstrumentFilters filters, BigDecimal entry, BigDecimal base) {
        BigDecimal room = base;
        if (filters.marketOrderMaxQuantity().isPresent()) {
            BigDecimal max = filters.marketOrderMaxQuantity().get();
            checks.add(new LimitCheck(
                    "EXCHANGE_MAX_QUANTITY",
                    max,
                    BigDecimal.ZERO,
                    max,
                    max.compareTo(base) < 0 ? LimitCheck.Status.CAPS : LimitCheck.Status.PASS,
                    "the exchange takes MARKET orders of at most " + plain(max)));
            room = room.min(max);
        }
        if (filters.maxNotional() != null) {
            BigDecimal max = Money18.divide(filters.maxNotional(), entry);
            checks.add(new LimitCheck(
                    "EXCHANGE_MAX_NOTIONAL",
                    filters.maxNotional(),
                    BigDecimal.ZERO,
                    max,
                    max.compareTo(base) < 0 ? LimitCheck.Status.CAPS : LimitCheck.Status.PASS,
                    "the exchange takes orders of at most " + plain(filters.maxNotional()) + " notional"));
            room = room.min(max);
        }
        return room;
    }

    private static String plain(BigDecimal value) {
        return Money18.trim(value).toPlainString();
    }
}
