package dev.peregrine.signal.domain;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on a candidate signal: how strong it is, what to do with it, where it is proven wrong, and
 * why, as machine-readable reasons.
 *
 * @param stopPrice equals {@code referencePrice} when no valid stop exists (the signal is then skipped)
 */
public record SignalValidation(
        Side side,
        int strength,
        Grade grade,
        double confidence,
        double sizeMultiplier,
        RecommendedAction action,
        boolean tradeable,
        BigDecimal referencePrice,
        BigDecimal stopPrice,
        List<Reason> reasons) {

    public SignalValidation {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
