package dev.peregrine.risk.domain;

import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the sizer needs to know about a signal.
 *
 * @param confidence     0-1, scales the risk budget
 * @param sizeMultiplier 0-1, the signal's suggested scaling (below 1 for REDUCE)
 */
public record SizingRequest(
        Side side,
        RecommendedAction action,
        boolean tradeable,
        Price entryPrice,
        Price stopPrice,
        BigDecimal confidence,
        BigDecimal sizeMultiplier) {

    public SizingRequest {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        requireUnit("confidence", confidence);
        requireUnit("sizeMultiplier", sizeMultiplier);
    }

    private static void requireUnit(String what, BigDecimal value) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(what + " must be within 0..1: " + value.toPlainString());
        }
    }
}
