package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Price;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Pre-trade checks. A MARKET order has no price when it is accepted, so its notional can only be known
 * once the venue names the execution price; checking it then, against the price it would really trade at,
 * keeps the outcome independent of whether the intent or the fill candle arrived first. Checking against
 * "the last price seen" when the intent arrives would make the same input give different results.
 *
 * <p>The maximum notional caps what is bought. Sells (exits and the protective legs) only give back what
 * entries bought, so they are never refused for their notional: refusing a stop would leave the position
 * unprotected.
 *
 * <p>First version: quantity, order type and maximum notional only. Balance, exposure and venue filter
 * (lot size, tick size, minimum notional) checks come with the Binance venue.
 */
public record SafetyChecks(BigDecimal maxOrderNotional) {

    public SafetyChecks {
        Objects.requireNonNull(maxOrderNotional, "maxOrderNotional");
        if (maxOrderNotional.signum() <= 0) {
            throw new IllegalArgumentException(
                    "maxOrderNotional must be positive: " + maxOrderNotional.toPlainString());
        }
    }

    /** Checks that need no price: run before the order goes to the venue. */
    public SafetyDecision beforeAcceptance(OrderTerms terms) {
        if (terms.quantity().isZero()) {
            return new SafetyDecision.Denied(
                    Reason.of(RejectionCodes.INVALID_QUANTITY, "order quantity must be positive"));
        }
        if (terms.type() != OrderType.MARKET) {
            return new SafetyDecision.Denied(Reason.of(
                    RejectionCodes.UNSUPPORTED_ORDER_TYPE,
                    terms.type() + " orders are not supported yet; only MARKET orders are executed"));
        }
        return SafetyDecision.APPROVED;
    }

    /** Checks that need the execution price: run before a working order is filled at {@code price}. */
    public SafetyDecision beforeExecution(OrderTerms terms, Price price) {
        return terms.purpose().sells() ? SafetyDecision.APPROVED : notional(terms, price);
    }

    private SafetyDecision notional(OrderTerms terms, Price price) {
        BigDecimal notional = terms.notionalAt(price);
        if (notional.compareTo(maxOrderNotional) > 0) {
            return new SafetyDecision.Denied(Reason.of(
                    RejectionCodes.MAX_NOTIONAL_EXCEEDED,
                    "notional " + notional.stripTrailingZeros().toPlainString() + " (" + terms.quantity() + " at "
                            + price + ") exceeds the maximum order notional " + maxOrderNotional.toPlainString()));
        }
        return SafetyDecision.APPROVED;
    }
}
