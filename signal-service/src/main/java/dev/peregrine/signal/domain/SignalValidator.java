package dev.peregrine.signal.domain;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * First-version scoring rule for EMA crossover signals. Deterministic (same candidate, same verdict) and
 * monotone (a wider separation or a steeper slow EMA never lowers the strength).
 *
 * <h2>Strength</h2>
 * With {@code ATR} the average true range on the signal's bar and both inputs taken in the signal's
 * direction (for a SELL the signs are flipped):
 * <pre>
 *   separation = fastEma - slowEma                       (how far the fast EMA got past the slow one)
 *   slope      = slowEma - previousSlowEma               (how the slow EMA moved on this bar)
 *   sepScore   = min(1, max(0, separation) / (0.5 * ATR))
 *   slopeScore = min(1, max(0, slope)      / (0.1 * ATR))
 *   strength   = clamp(round(100 * (0.6 * sepScore + 0.4 * slopeScore)), 0, 100)
 * </pre>
 * A separation of half an ATR is a decisive cross; a slow EMA moving a tenth of an ATR per bar in the
 * signal's direction means the longer trend already agrees. Separation weighs more because it is what the
 * crossover itself claims. When the ATR is not positive neither input can be normalised and both scores
 * are 0. {@code round} is half-up.
 *
 * <h2>Grade, confidence, size and action</h2>
 * Grade A if strength &gt;= 80, B &gt;= 65, C &gt;= 50, D &gt;= 35, else F. Confidence = strength / 100.
 * Size multiplier: A 1.0, B 0.75, C 0.5, D and F 0. Action: A/B TRADE, C REDUCE, D/F SKIP.
 *
 * <h2>Overrides</h2>
 * <ul>
 *   <li>A candle with any data-quality flag: strength 0, grade F, SKIP, reason {@code DATA_QUALITY} listing
 *       the flags. Indicators computed on suspect data are not evidence.</li>
 *   <li>Stop: BUY {@code close - 2 * ATR}, SELL {@code close + 2 * ATR}, rounded to the close's scale away
 *       from the close (the distance risk sizes on is never understated). A stop that is not positive or
 *       not on the losing side of the close: SKIP, size 0, reason {@code INVALID_STOP}, and the published
 *       stop equals the reference price.</li>
 *   <li>Paused strategy: {@code tradeable = false} with reason {@code STRATEGY_PAUSED}; the action stays what
 *       the score says, so the record shows what would have been traded.</li>
 * </ul>
 * Otherwise {@code tradeable} is true unless the action is SKIP.
 */
public final class SignalValidator {

    public static final double SEPARATION_WEIGHT = 0.6;
    public static final double SLOPE_WEIGHT = 0.4;
    public static final double FULL_SEPARATION_ATR = 0.5;
    public static final double FULL_SLOPE_ATR = 0.1;
    public static final BigDecimal STOP_ATR_MULTIPLE = BigDecimal.valueOf(2);

    public SignalValidation validate(SignalCandidate candidate, boolean strategyPaused) {
        IndicatorSnapshot indicators = candidate.indicators();
        Side side = candidate.side();
        double direction = side == Side.BUY ? 1.0 : -1.0;
        double atr = indicators.atr();
        double separation = direction * (indicators.fastEma() - indicators.slowEma());
        double slope = direction * (indicators.slowEma() - indicators.previousSlowEma());

        List<Reason> reasons = new ArrayList<>();
        reasons.add(side == Side.BUY
                ? Reason.of("EMA_CROSS_UP", "fast EMA %s crossed above slow EMA %s".formatted(num(indicators.fastEma()), num(indicators.slowEma())))
                : Reason.of("EMA_CROSS_DOWN", "fast EMA %s crossed below slow EMA %s".formatted(num(indicators.fastEma()), num(indicators.slowEma()))));

        int strength;
        if (!candidate.qualityFlags().isEmpty()) {
            strength = 0;
            reasons.add(Reason.of("DATA_QUALITY", "candle flagged by data quality: " + String.join(", ", candidate.qualityFlags())));
        } else {
            double separationScore = score(separation, FULL_SEPARATION_ATR * atr);
            double slopeScore = score(slope, FULL_SLOPE_ATR * atr);
            strength = strength(separationScore, slopeScore);
            reasons.add(Reason.of("SEPARATION", "separation %s = %s ATR, score %s".formatted(
                    num(separation), num(atr > 0 ? separation / atr : 0), num(separationScore))));
            reasons.add(Reason.of("SLOW_EMA_SLOPE", "slow EMA slope %s = %s ATR per bar, score %s".formatted(
                    num(slope), num(atr > 0 ? slope / atr : 0), num(slopeScore))));
        }
        Grade grade = gradeOf(strength);
        RecommendedAction action = actionOf(grade);
        double sizeMultiplier = sizeMultiplierOf(grade);
        reasons.add(Reason.of("GRADE_" + grade, "strength " + strength + " gives grade " + grade));

        BigDecimal reference = candidate.referencePrice();
        BigDecimal stop = stopPrice(side, reference, atr);
        if (stop == null) {
            action = RecommendedAction.SKIP;
            sizeMultiplier = 0.0;
            stop = reference;
            reasons.add(Reason.of("INVALID_STOP", "stop at %s ATR %s from %s is not a usable price".formatted(
                    STOP_ATR_MULTIPLE, side == Side.BUY ? "below" : "above", reference.toPlainString())));
        }
        boolean tradeable = action != RecommendedAction.SKIP;
        if (strategyPaused) {
            tradeable = false;
            reasons.add(Reason.of("STRATEGY_PAUSED", "strategy is paused: recorded, never traded"));
        }
        return new SignalValidation(side, strength, grade, strength / 100.0, sizeMultiplier, action, tradeable,
                reference, stop, reasons);
    }

    /** {@code min(1, max(0, value) / fullAt)}; 0 when there is no positive scale to measure against. */
    static double score(double value, double fullAt) {
        if (!(fullAt > 0) || !Double.isFinite(value)) {
            return 0.0;
        }
        return Math.min(1.0, Math.max(0.0, value) / fullAt);
    }

    static int strength(double separationScore, double slopeScore) {
        long rounded = Math.round(100.0 * (SEPARATION_WEIGHT * separationScore + SLOPE_WEIGHT * slopeScore));
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

    public static RecommendedAction actionOf(Grade grade) {
        return switch (grade) {
            case A, B -> RecommendedAction.TRADE;
            case C -> RecommendedAction.REDUCE;
            case D, F -> RecommendedAction.SKIP;
        };
    }

    public static double sizeMultiplierOf(Grade grade) {
        return switch (grade) {
            case A -> 1.0;
            case B -> 0.75;
            case C -> 0.5;
            case D, F -> 0.0;
        };
    }

    /** The stop, or null when it would not be a positive price on the losing side of the reference. */
    static BigDecimal stopPrice(Side side, BigDecimal reference, double atr) {
        if (!(atr > 0) || !Double.isFinite(atr)) {
            return null;
        }
        BigDecimal distance = STOP_ATR_MULTIPLE.multiply(BigDecimal.valueOf(atr));
        BigDecimal stop = side == Side.BUY
                ? reference.subtract(distance).setScale(reference.scale(), RoundingMode.FLOOR)
                : reference.add(distance).setScale(reference.scale(), RoundingMode.CEILING);
        boolean losingSide = side == Side.BUY ? stop.compareTo(reference) < 0 : stop.compareTo(reference) > 0;
        return stop.signum() > 0 && losingSide ? stop : null;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
