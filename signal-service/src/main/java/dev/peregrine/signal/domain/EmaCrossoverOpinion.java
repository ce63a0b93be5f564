package dev.peregrine.signal.domain;

import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.analyst.Stance;

import java.util.List;
import java.util.Locale;

/**
 * Transitional: states an {@link EmaCrossoverStrategy} signal as an analyst {@link Opinion}, so the
 * crossover goes through the v2 validation until the analyst panel (where its logic lives on in
 * {@code momentum}) replaces it. Deleted with the strategy.
 *
 * <p>The confidence is the first-version crossover score, with {@code ATR} the average true range on the
 * signal's bar and both inputs taken in the signal's direction:
 * <pre>
 *   separation = fastEma - slowEma,  slope = slowEma - previousSlowEma
 *   sepScore   = min(1, max(0, separation) / (0.5 * ATR))
 *   slopeScore = min(1, max(0, slope)      / (0.1 * ATR))
 *   confidence = round(100 * (0.6 * sepScore + 0.4 * slopeScore)) / 100
 * </pre>
 * Both scores are 0 when the ATR is not positive. Arguments: {@code EMA_CROSS_UP} / {@code EMA_CROSS_DOWN},
 * {@code SEPARATION} (in ATRs, threshold 0.5) and {@code SLOW_EMA_SLOPE} (in ATRs per bar, threshold 0.1).
 */
public final class EmaCrossoverOpinion {

    public static final double SEPARATION_WEIGHT = 0.6;
    public static final double SLOPE_WEIGHT = 0.4;
    public static final double FULL_SEPARATION_ATR = 0.5;
    public static final double FULL_SLOPE_ATR = 0.1;

    private EmaCrossoverOpinion() {
    }

    public static Opinion of(Side side, IndicatorSnapshot indicators) {
        double direction = side == Side.BUY ? 1.0 : -1.0;
        double atr = indicators.atr();
        double separation = direction * (indicators.fastEma() - indicators.slowEma());
        double slope = direction * (indicators.slowEma() - indicators.previousSlowEma());
        double separationScore = score(separation, FULL_SEPARATION_ATR * atr);
        double slopeScore = score(slope, FULL_SLOPE_ATR * atr);
        double separationAtr = atr > 0 ? separation / atr : 0.0;
        double slopeAtr = atr > 0 ? slope / atr : 0.0;
        List<Argument> arguments = List.of(
                side == Side.BUY
                        ? new Argument("EMA_CROSS_UP", indicators.fastEma(), indicators.slowEma(),
                        "fast EMA %s crossed above slow EMA %s".formatted(num(indicators.fastEma()), num(indicators.slowEma())))
                        : new Argument("EMA_CROSS_DOWN", indicators.fastEma(), indicators.slowEma(),
                        "fast EMA %s crossed below slow EMA %s".formatted(num(indicators.fastEma()), num(indicators.slowEma()))),
                new Argument("SEPARATION", finite(separationAtr), FULL_SEPARATION_ATR,
                        "separation %s = %s ATR, score %s".formatted(num(separation), num(separationAtr), num(separationScore))),
                new Argument("SLOW_EMA_SLOPE", finite(slopeAtr), FULL_SLOPE_ATR,
                        "slow EMA slope %s = %s ATR per bar, score %s".formatted(num(slope), num(slopeAtr), num(slopeScore))));
        return new Opinion(EmaCrossoverStrategy.ID, side == Side.BUY ? Stance.BULLISH : Stance.BEARISH,
                confidence(separationScore, slopeScore), arguments);
    }

    /** {@code min(1, max(0, value) / fullAt)}; 0 when there is no positive scale to measure against. */
    static double score(double value, double fullAt) {
        if (!(fullAt > 0) || !Double.isFinite(value)) {
            return 0.0;
        }
        return Math.min(1.0, Math.max(0.0, value) / fullAt);
    }

    static double confidence(double separationScore, double slopeScore) {
        long percent = Math.round(100.0 * (SEPARATION_WEIGHT * separationScore + SLOPE_WEIGHT * slopeScore));
        return Math.max(0, Math.min(100, percent)) / 100.0;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
