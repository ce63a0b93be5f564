package dev.peregrine.signal.domain;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one candidate signal: how strong it is, what to do with it, where it is proven wrong, and
 * why, as machine-readable reasons.
 *
 * @param analystId the analyst (strategy) whose opinion this is
 * @param stopPrice equals {@code referencePrice} when no valid stop exists (the signal is then skipped)
 * @param confidence         the calibrated probability of a hit when {@code calibrationVersion} is set, else strength / 100
 * @param breakdown          the inputs of the strength, as numbers
 * @param calibrationVersion the calibration that produced {@code confidence}; null when uncalibrated
 */
public record SignalValidation(
        String analystId,
        Side side,
        int strength,
        Grade grade,
        double confidence,
        double sizeMultiplier,
        RecommendedAction action,
        boolean tradeable,
        BigDecimal referencePrice,
        BigDecimal stopPrice,
        List<Reason> reasons,
        Breakdown breakdown,
        String calibrationVersion) {

    public SignalValidation {
        Objects.requireNonNull(analystId, "analystId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(stopPrice, "stopPrice");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        Objects.requireNonNull(breakdown, "breakdown");
        if (calibrationVersion != null && calibrationVersion.isBlank()) {
            throw new IllegalArgumentException("calibrationVersion must not be blank (null when uncalibrated)");
        }
    }

    /** An uncalibrated validation: confidence = strength / 100. */
    public SignalValidation(
            String analystId,
            Side side,
            int strength,
            Grade grade,
            double confidence,
            double sizeMultiplier,
            RecommendedAction action,
            boolean tradeable,
            BigDecimal referencePrice,
            BigDecimal stopPrice,
            List<Reason> reasons,
            Breakdown breakdown) {
        this(
                analystId,
                side,
                strength,
                grade,
                confidence,
                sizeMultiplier,
                action,
                tradeable,
                referencePrice,
                stopPrice,
                reasons,
                breakdown,
                null);
    }

    /**
     * This validation after a later step of the chain (the ML filter, a pause) decided again: another action, size,
     * tradeability and reasons; strength, grade, confidence, prices, breakdown and calibration version stay.
     */
    public SignalValidation decidedAgain(
            RecommendedAction newAction, double newSizeMultiplier, boolean nowTradeable, List<Reason> newReasons) {
        return new SignalValidation(
                analystId,
                side,
                strength,
                grade,
                confidence,
                newSizeMultiplier,
                newAction,
                nowTradeable,
                referencePrice,
                stopPrice,
                newReasons,
                breakdown,
                calibrationVersion);
    }

    /** Whether {@code confidence} is a calibrated probability rather than strength / 100. */
    public boolean calibrated() {
        return calibrationVersion != null;
    }

    /**
     * @param analystConfidence the analyst's own confidence
     * @param consensusSupport  the consensus net score in the candidate's direction (0 unless the consensus
     *                          points that way)
     * @param agreement         the consensus agreement when the candidate's side leads, else 0
     * @param regimeFit         min(1, regime weight / full regime weight)
     * @param conflictPenalty   the consensus conflict penalty
     * @param score             the weighted score before rounding (strength = round(100 x score) unless the
     *                          candle failed data quality)
     * @param volatilityDamping factor applied to the size multiplier, 1 when not damped
     */
    public record Breakdown(
            double analystConfidence,
            double consensusSupport,
            double agreement,
            double regimeFit,
            double conflictPenalty,
            double score,
            double volatilityDamping) {}
}
