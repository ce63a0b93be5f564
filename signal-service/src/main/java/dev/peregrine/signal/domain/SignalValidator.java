package dev.peregrine.signal.domain;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.analyst.Stance;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import dev.peregrine.signal.domain.calibration.GradeCutoffs;
import dev.peregrine.signal.domain.consensus.ConsensusResult;
import dev.peregrine.signal.domain.consensus.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Validates one analyst's candidate signal against the panel (signal validation v2). Deterministic and
 * stateless; the full description with a worked example is docs/signal-validation.md.
 *
 * <h2>Strength</h2>
 * With {@code c} the analyst's confidence, {@code s} the consensus support (the consensus net score in the
 * candidate's direction when the consensus direction is the candidate's side, else 0), {@code a} the
 * agreement (the consensus agreement when the candidate's side leads on the net score, else 0),
 * {@code f = min(1, regimeWeight / fullRegimeWeight)} the regime fit and {@code p} the conflict penalty:
 * <pre>
 *   score    = 0.40 * c + 0.15 * f + (1 - p) * (0.25 * s + 0.20 * a)
 *   strength = clamp(round(100 * score), 0, 100)      (round half up; 0 when the candle has a quality flag)
 * </pre>
 * The analyst's own view and its fit to the regime are at most 55: alone, an analyst never gets past C.
 * The penalty only discounts what the panel adds, which is 0 for an analyst on the losing side; so more
 * agreement (an analyst moving from opposing to neutral or to the candidate's side, or an agreeing one
 * growing surer) never lowers the strength.
 *
 * <h2>Grade, confidence, action, size</h2>
 * Uncalibrated (no calibration loaded, the default): grade A &gt;= 80, B &gt;= 65, C &gt;= 50, D &gt;= 35, else F;
 * confidence = strength / 100, and the validation's {@code calibrationVersion} is null. Calibrated: confidence = the
 * calibration's probability of a hit for strength / 100 ({@code CALIBRATED} reason), the grade is the
 * {@link GradeCutoffs} band of that probability, and the validation names the calibration's version. Action, first
 * rule that applies:
 * <ol>
 *   <li>quality flag on the candle: SKIP ({@code DATA_QUALITY})</li>
 *   <li>the verdict opposes the candidate's side: SKIP ({@code VERDICT_OPPOSES})</li>
 *   <li>grade A or B and the verdict agrees: TRADE</li>
 *   <li>grade A or B and the verdict is HOLD, or grade C: REDUCE</li>
 *   <li>grade D or F: SKIP</li>
 *   <li>afterwards, no valid stop: SKIP ({@code INVALID_STOP})</li>
 *   <li>afterwards, with a minimum confidence set (above 0) and the confidence below it: SKIP
 *       ({@code BELOW_MIN_CONFIDENCE})</li>
 * </ol>
 * Size multiplier: TRADE A 1.0, TRADE B 0.75, REDUCE 0.5, SKIP 0; then times the volatility damping
 * {@code max(minVolatilityDamping, volatilityThreshold / ratio)} when the volatility ratio is above the
 * threshold (1 otherwise, and when unknown); then, with a target confidence set (above 0) and the confidence below
 * it, times confidence / target ({@code BELOW_TARGET_CONFIDENCE}); floored to two decimals so it is never
 * overstated.
 *
 * <h2>Stop, pause</h2>
 * Stop: BUY {@code close - 2 * ATR}, SELL {@code close + 2 * ATR}, rounded to the close's scale away from
 * the close (the distance risk sizes on is never understated). A stop that is not positive, not on the
 * losing side of the close, or without a warm positive ATR: SKIP, size 0, {@code INVALID_STOP}, and the stop
 * equals the reference price. A paused analyst's candidate is validated the same way, but never tradeable
 * ({@code STRATEGY_PAUSED}); its action shows what would have been done. Otherwise {@code tradeable} is
 * true unless the action is SKIP.
 */
public final class SignalValidator {

    public static final double CONFIDENCE_WEIGHT = 0.40;
    public static final double REGIME_FIT_WEIGHT = 0.15;
    public static final double SUPPORT_WEIGHT = 0.25;
    public static final double AGREEMENT_WEIGHT = 0.20;
    public static final BigDecimal STOP_ATR_MULTIPLE = BigDecimal.valueOf(2);
    public static final double REDUCED_SIZE = 0.5;

    private final ValidationConfig config;

    public SignalValidator() {
        this(ValidationConfig.defaults());
    }

    public SignalValidator(ValidationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public ValidationConfig config() {
        return config;
    }

    public SignalValidation validate(SignalCandidate candidate) {
        Opinion opinion = candidate.opinion();
        Stance stance = opinion.stance();
        Side side = stance == Stance.BULLISH ? Side.BUY : Side.SELL;
        ConsensusResult consensus = candidate.consensus();
        Verdict verdict = candidate.verdict();

        double confidence = opinion.confidence();
        double support = consensus.supportFor(stance);
        double agreement = consensus.agreementWith(stance);
        double regimeFit = Math.min(1.0, candidate.regimeWeight() / config.fullRegimeWeight());
        double penalty = consensus.conflictPenalty();
        double score = score(confidence, regimeFit, support, agreement, penalty);
        boolean suspectData = !candidate.qualityFlags().isEmpty();
        int strength = suspectData ? 0 : strength(score);
        Optional<ConfidenceCalibration> calibration = config.calibration();
        double probability =
                calibration.map(c -> c.probability(strength / 100.0)).orElse(strength / 100.0);
        Grade grade = calibration.isPresent() ? config.gradeCutoffs().gradeOf(probability) : gradeOf(strength);

        List<Reason> reasons = new ArrayList<>(opinion.arguments().size() + 8);
        for (Argument argument : opinion.arguments()) {
            reasons.add(Reason.of(argument.name(), argument.text()));
        }
        if (suspectData) {
            reasons.add(Reason.of(
                    "DATA_QUALITY", "candle flagged by data quality: " + String.join(", ", candidate.qualityFlags())));
        }
        reasons.add(Reason.of(
                "STRENGTH",
                "%s x confidence %s + %s x regime fit %s + (1 - conflict %s) x (%s x support %s + %s x agreement %s) = %s: %s"
                        .formatted(
                                num(CONFIDENCE_WEIGHT),
                                num(confidence),
                                num(REGIME_FIT_WEIGHT),
                                num(regimeFit),
                                num(penalty),
                                num(SUPPORT_WEIGHT),
                                num(support),
                                num(AGREEMENT_WEIGHT),
                                num(agreement),
                                num(score),
                                suspectData ? "strength 0 on a flagged candle" : "strength " + strength)));
        if (regimeFit < 1.0) {
            reasons.add(Reason.of(
                    "REGIME_MISFIT",
                    "regime weight %s of a full %s"
                            .formatted(num(candidate.regimeWeight()), num(config.fullRegimeWeight()))));
        }
        if (consensus.conflict()) {
            reasons.add(Reason.of(
                    "CONFLICT",
                    "bull %s and bear %s both strong: penalty %s"
                            .formatted(num(consensus.bullScore()), num(consensus.bearScore()), num(penalty))));
        }
        if (calibration.isPresent()) {
            reasons.add(Reason.of(
                    "CALIBRATED",
                    "strength %d / 100 is a %s probability of a hit by calibration %s"
                            .formatted(
                                    strength,
                                    num(probability),
                                    calibration.get().describe())));
            reasons.add(Reason.of("GRADE_" + grade, "confidence " + num(probability) + " gives grade " + grade));
        } else {
            reasons.add(Reason.of("GRADE_" + grade, "strength " + strength + " gives grade " + grade));
        }
        if (verdict.agreesWith(stance)) {
            reasons.add(Reason.of(
                    "VERDICT_AGREES",
                    "arbiter ruled " + verdict.decision() + " at conviction " + num(verdict.netConviction())));
        } else if (verdict.opposes(stance)) {
            reasons.add(Reason.of(
                    "VERDICT_OPPOSES",
                    "arbiter ruled " + verdict.decision() + " at conviction " + num(verdict.netConviction())));
        } else {
            reasons.add(Reason.of("VERDICT_HOLD", "arbiter ruled HOLD at conviction " + num(verdict.netConviction())));
        }

        RecommendedAction action = suspectData || verdict.opposes(stance)
                ? RecommendedAction.SKIP
                : actionOf(grade, verdict.agreesWith(stance));
        double damping = volatilityDamping(candidate.volatilityRatio());
        if (candidate.volatilityRatio().isEmpty()) {
            reasons.add(Reason.of("VOLATILITY_UNKNOWN", "no volatility ratio yet: size not damped"));
        } else if (damping < 1.0) {
            reasons.add(Reason.of(
                    "VOLATILITY_DAMPED",
                    "volatility %s x normal, above %s x: size x %s"
                            .formatted(
                                    num(candidate.volatilityRatio().getAsDouble()),
                                    num(config.volatilityThreshold()),
                                    num(damping))));
        }

        BigDecimal reference = candidate.referencePrice();
        BigDecimal stop = stopPrice(side, reference, candidate.atr());
        if (stop == null) {
            action = RecommendedAction.SKIP;
            stop = reference;
            reasons.add(Reason.of(
                    "INVALID_STOP",
                    "stop at %s ATR %s from %s is not a usable price"
                            .formatted(
                                    STOP_ATR_MULTIPLE,
                                    side == Side.BUY ? "below" : "above",
                                    reference.toPlainString())));
        }
        if (config.minConfidence() > 0.0 && probability < config.minConfidence()) {
            action = RecommendedAction.SKIP;
            reasons.add(Reason.of(
                    "BELOW_MIN_CONFIDENCE",
                    "confidence %s below the minimum %s".formatted(num(probability), num(config.minConfidence()))));
        }
        double targetFactor = 1.0;
        if (action != RecommendedAction.SKIP
                && config.targetConfidence() > 0.0
                && probability < config.targetConfidence()) {
            targetFactor = probability / config.targetConfidence();
            reasons.add(Reason.of(
                    "BELOW_TARGET_CONFIDENCE",
                    "confidence %s below the target %s: size x %s"
                            .formatted(num(probability), num(config.targetConfidence()), num(targetFactor))));
        }
        double sizeMultiplier = floorToHundredths(sizeMultiplierOf(action, grade) * damping * targetFactor);
        boolean tradeable = action != RecommendedAction.SKIP;
        if (candidate.paused()) {
            tradeable = false;
            reasons.add(Reason.of(
                    "STRATEGY_PAUSED", "analyst " + opinion.analystId() + " is paused: recorded, never traded"));
        }
        return new SignalValidation(
                opinion.analystId(),
                side,
                strength,
                grade,
                probability,
                sizeMultiplier,
                action,
                tradeable,
                reference,
                stop,
                reasons,
                new SignalValidation.Breakdown(confidence, support, agreement, regimeFit, penalty, score, damping),
                calibration.map(ConfidenceCalibration::version).orElse(null));
    }

    static double score(double confidence, double regimeFit, double support, double agreement, double penalty) {
        return CONFIDENCE_WEIGHT * confidence
                + REGIME_FIT_WEIGHT * regimeFit
                + (1.0 - penalty) * (SUPPORT_WEIGHT * support + AGREEMENT_WEIGHT * agreement);
    }

    static int strength(double score) {
        long rounded = Math.round(100.0 * score);
        return (int) Math.max(0, Math.min(100, rounded));
    }

    public static Grade gradeOf(int strength) {
        if (strength >= 80) {
            return Grade.A;
        }
        if (strength >= 65) {
            return Grade.B;
        }
        if (strength >= 50) {
            return Grade.C;
        }
        if (strength >= 35) {
            return Grade.D;
        }
        return Grade.F;
    }

    /** The action on clean data when the verdict does not oppose the candidate. */
    public static RecommendedAction actionOf(Grade grade, boolean verdictAgrees) {
        return switch (grade) {
            case A, B -> verdictAgrees ? RecommendedAction.TRADE : RecommendedAction.REDUCE;
            case C -> RecommendedAction.REDUCE;
            case D, F -> RecommendedAction.SKIP;
        };
    }

    /** The size multiplier before volatility damping. */
    public static double sizeMultiplierOf(RecommendedAction action, Grade grade) {
        return switch (action) {
            case TRADE -> grade == Grade.A ? 1.0 : 0.75;
            case REDUCE -> REDUCED_SIZE;
            case SKIP -> 0.0;
        };
    }

    /** {@code max(min, threshold / ratio)} above the threshold, else 1; 1 when unknown. */
    double volatilityDamping(OptionalDouble ratio) {
        if (ratio.isEmpty() || ratio.getAsDouble() <= config.volatilityThreshold()) {
            return 1.0;
        }
        return Math.max(config.minVolatilityDamping(), config.volatilityThreshold() / ratio.getAsDouble());
    }

    /** The tiny epsilon keeps a product like 0.75 x 2/3 = 0.49999999999999994 at the 0.50 it means. */
    static double floorToHundredths(double value) {
        return Math.max(0.0, Math.min(1.0, Math.floor(value * 100.0 + 1e-9) / 100.0));
    }

    /** The stop, or null when it would not be a positive price on the losing side of the reference. */
    static BigDecimal stopPrice(Side side, BigDecimal reference, OptionalDouble atr) {
        if (atr.isEmpty() || !(atr.getAsDouble() > 0) || !Double.isFinite(atr.getAsDouble())) {
            return null;
        }
        BigDecimal distance = STOP_ATR_MULTIPLE.multiply(BigDecimal.valueOf(atr.getAsDouble()));
        BigDecimal stop = side == Side.BUY
                ? reference.subtract(distance).setScale(reference.scale(), RoundingMode.FLOOR)
                : reference.add(distance).setScale(reference.scale(), RoundingMode.CEILING);
        boolean losingSide = side == Side.BUY ? stop.compareTo(reference) < 0 : stop.compareTo(reference) > 0;
        return stop.signum() > 0 && losingSide ? stop : null;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
