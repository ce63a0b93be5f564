package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.Scores.indicator;
import static dev.peregrine.signal.domain.analyst.Scores.ramp;

import dev.peregrine.signal.domain.indicator.IndicatorValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trend following, the successor of the {@code ema-crossover} strategy: it fires on an EMA cross and judges
 * the cross by the MACD histogram, the trend strength (ADX) and the directional indexes.
 *
 * <h2>Trigger (otherwise NEUTRAL)</h2>
 * <ul>
 *   <li>EMA cross: fast EMA crossed the slow one on this bar ({@code prevFast <= prevSlow && fast > slow} is
 *       BULLISH, the mirror BEARISH); trigger sub-score {@code t = 1}.</li>
 *   <li>Continuation: no cross, but the MACD histogram crossed zero ({@code prevHist <= 0 < hist} BULLISH, the
 *       mirror BEARISH) while the fast EMA is already on that side of the slow one; {@code t =}
 *       {@link MomentumConfig#continuationScore()}.</li>
 * </ul>
 *
 * <h2>Confidence</h2>
 * With {@code d = +1} for BULLISH and {@code -1} for BEARISH:
 * <pre>
 *   macd  m = 0.5 * [d * hist > 0] + 0.5 * [d * (hist - prevHist) > 0]
 *   adx   a = ramp(ADX, adxWeak -> 0, adxStrong -> 1)
 *   di    i = [d * (+DI - -DI) > 0]
 *   confidence = 0.25 t + 0.30 m + 0.30 a + 0.15 i
 * </pre>
 * A cross with everything against it keeps 0.25: the cross itself is the evidence.
 *
 * <h2>Arguments</h2>
 * The trigger ({@code BULL_EMA_CROSS_UP}, {@code BEAR_EMA_CROSS_DOWN}, {@code BULL_MACD_ZERO_CROSS_UP},
 * {@code BEAR_MACD_ZERO_CROSS_DOWN}); the histogram's sign ({@code BULL_MACD_POSITIVE}/{@code BEAR_MACD_NEGATIVE})
 * and slope ({@code BULL_MACD_RISING}/{@code BEAR_MACD_FALLING}); the trend strength ({@code *_TREND_STRENGTH}
 * for the stance when ADX >= adxWeak, {@code *_WEAK_TREND} against it below); the DIs
 * ({@code BULL_DI_POSITIVE}/{@code BEAR_DI_NEGATIVE}). Needs warm EMAs fast and slow (now and one bar
 * earlier), MACD histogram (now and one bar earlier), ADX and +DI/-DI.
 */
public final class MomentumAnalyst implements Analyst {

    public static final String ID = "momentum";

    private static final Opinion NO_TRIGGER = Opinion.neutral(
            ID,
            List.of(new Argument(
                    "NO_TRIGGER", 0, 0, "no EMA cross and no MACD zero cross in the EMAs' direction on this bar")));

    private final MomentumConfig config;

    public MomentumAnalyst(MomentumConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static MomentumAnalyst withDefaults() {
        return new MomentumAnalyst(MomentumConfig.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    public MomentumConfig config() {
        return config;
    }

    @Override
    public Opinion assess(MarketContext context) {
        IndicatorValues v = context.indicators();
        IndicatorValues.Macd macd = v.macd();
        IndicatorValues.Adx adx = v.adx();
        WarmUp warmUp = new WarmUp()
                .need(v.emaFast(), "fast EMA")
                .need(v.previousEmaFast(), "previous fast EMA")
                .need(v.emaSlow(), "slow EMA")
                .need(v.previousEmaSlow(), "previous slow EMA")
                .need(macd.histogram(), "MACD histogram")
                .need(macd.previousHistogram(), "previous MACD histogram")
                .need(adx.adx(), "ADX")
                .need(adx.plusDi(), "+DI")
                .need(adx.minusDi(), "-DI");
        if (!warmUp.ready()) {
            return warmUp.neutral(ID);
        }
        double fast = v.emaFast().getAsDouble();
        double slow = v.emaSlow().getAsDouble();
        double prevFast = v.previousEmaFast().getAsDouble();
        double prevSlow = v.previousEmaSlow().getAsDouble();
        double hist = macd.histogram().getAsDouble();
        double prevHist = macd.previousHistogram().getAsDouble();

        Stance stance;
        double trigger;
        Argument triggerArgument;
        if (prevFast <= prevSlow && fast > slow) {
            stance = Stance.BULLISH;
            trigger = 1.0;
            triggerArgument = new Argument("BULL_EMA_CROSS_UP", fast - slow, 0, "fast EMA crossed above the slow EMA");
        } else if (prevFast >= prevSlow && fast < slow) {
            stance = Stance.BEARISH;
            trigger = 1.0;
            triggerArgument =
                    new Argument("BEAR_EMA_CROSS_DOWN", fast - slow, 0, "fast EMA crossed below the slow EMA");
        } else if (prevHist <= 0 && hist > 0 && fast > slow) {
            stance = Stance.BULLISH;
            trigger = config.continuationScore();
            triggerArgument = new Argument(
                    "BULL_MACD_ZERO_CROSS_UP",
                    hist,
                    0,
                    "MACD histogram turned positive with the fast EMA above the slow EMA");
        } else if (prevHist >= 0 && hist < 0 && fast < slow) {
            stance = Stance.BEARISH;
            trigger = config.continuationScore();
            triggerArgument = new Argument(
                    "BEAR_MACD_ZERO_CROSS_DOWN",
                    hist,
                    0,
                    "MACD histogram turned negative with the fast EMA below the slow EMA");
        } else {
            return NO_TRIGGER;
        }
        int d = Scores.sign(stance);
        double adxValue = adx.adx().getAsDouble();
        double diSpread = adx.plusDi().getAsDouble() - adx.minusDi().getAsDouble();

        double macdScore = 0.5 * indicator(d * hist > 0) + 0.5 * indicator(d * (hist - prevHist) > 0);
        double adxScore = ramp(adxValue, config.adxWeak(), config.adxStrong());
        double diScore = indicator(d * diSpread > 0);
        double confidence = Scores.confidence(0.25 * trigger + 0.30 * macdScore + 0.30 * adxScore + 0.15 * diScore);

        List<Argument> arguments = new ArrayList<>(5);
        arguments.add(triggerArgument);
        arguments.add(
                hist > 0
                        ? new Argument("BULL_MACD_POSITIVE", hist, 0, "MACD histogram is positive")
                        : new Argument("BEAR_MACD_NEGATIVE", hist, 0, "MACD histogram is zero or negative"));
        arguments.add(
                hist > prevHist
                        ? new Argument("BULL_MACD_RISING", hist - prevHist, 0, "MACD histogram is rising")
                        : new Argument("BEAR_MACD_FALLING", hist - prevHist, 0, "MACD histogram is flat or falling"));
        arguments.add(
                adxValue >= config.adxWeak()
                        ? new Argument(
                                Arguments.named(stance, "TREND_STRENGTH"),
                                adxValue,
                                config.adxWeak(),
                                "ADX shows a trend worth following")
                        : new Argument(
                                Arguments.named(stance.opposite(), "WEAK_TREND"),
                                adxValue,
                                config.adxWeak(),
                                "ADX is low: the trend is too weak for a trend-following entry"));
        arguments.add(
                diSpread > 0
                        ? new Argument("BULL_DI_POSITIVE", diSpread, 0, "+DI is above -DI: up-moves dominate")
                        : new Argument("BEAR_DI_NEGATIVE", diSpread, 0, "-DI is at or above +DI: down-moves dominate"));
        return new Opinion(ID, stance, confidence, arguments);
    }
}
