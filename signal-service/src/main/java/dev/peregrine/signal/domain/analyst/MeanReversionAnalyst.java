package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.Scores.indicator;
import static dev.peregrine.signal.domain.analyst.Scores.ramp;

import dev.peregrine.signal.domain.indicator.IndicatorValues;
import dev.peregrine.signal.domain.regime.Regime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Fades stretched prices back to the mean, and only where that works: in a range. It is NEUTRAL in a
 * TRENDING regime (argument {@code REGIME_TRENDING}) and, while the trend regime is UNKNOWN, whenever ADX is
 * above {@link MeanReversionConfig#maxAdx()} ({@code ADX_TOO_HIGH}).
 *
 * <h2>Trigger (otherwise NEUTRAL)</h2>
 * BULLISH when Bollinger {@code %B <= oversoldPercentB} and {@code RSI <= oversoldRsi} (close at or below the
 * lower band and oversold); BEARISH when {@code %B >= overboughtPercentB} and {@code RSI >= overboughtRsi}. Both
 * extremes are required: one alone is common in a healthy move.
 *
 * <h2>Confidence</h2>
 * <pre>
 *   band  b = how far beyond the band threshold, ramp 0 at the threshold -> 1 at bandDepthFull beyond it
 *   rsi   r = ramp 0 at the RSI threshold -> 1 at rsiDepthFull beyond it
 *   hook  h = [RSI turned back toward the mean on this bar]  (rising for BULLISH, falling for BEARISH)
 *   vol   v = 1 for LOW regime volatility, 0.5 UNKNOWN, 0 HIGH (bands get walked when volatility is high)
 *   confidence = 0.30 + 0.20 b + 0.20 r + 0.15 h + 0.15 v
 * </pre>
 *
 * <h2>Arguments</h2>
 * {@code BULL_BELOW_LOWER_BAND}/{@code BEAR_ABOVE_UPPER_BAND}, {@code BULL_RSI_OVERSOLD}/{@code
 * BEAR_RSI_OVERBOUGHT}, the hook ({@code BULL_RSI_TURNING_UP}, {@code BEAR_RSI_TURNING_DOWN}) or its absence
 * against the stance ({@code BEAR_RSI_STILL_FALLING}, {@code BULL_RSI_STILL_RISING}), the range
 * ({@code *_RANGE_BOUND}) and the volatility ({@code *_LOW_VOLATILITY} for, {@code *_HIGH_VOLATILITY} against).
 * Needs warm Bollinger %B, RSI (now and one bar earlier) and ADX.
 */
public final class MeanReversionAnalyst implements Analyst {

    public static final String ID = "mean-reversion";

    private static final Opinion NO_TRIGGER = Opinion.neutral(
            ID,
            List.of(new Argument(
                    "NO_TRIGGER", 0, 0, "close is not beyond a Bollinger band with RSI at the same extreme")));

    private final MeanReversionConfig config;

    public MeanReversionAnalyst(MeanReversionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static MeanReversionAnalyst withDefaults() {
        return new MeanReversionAnalyst(MeanReversionConfig.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    public MeanReversionConfig config() {
        return config;
    }

    @Override
    public Opinion assess(MarketContext context) {
        IndicatorValues v = context.indicators();
        WarmUp warmUp = new WarmUp()
                .need(v.bollinger().percentB(), "Bollinger %B")
                .need(v.rsi(), "RSI")
                .need(v.previousRsi(), "previous RSI")
                .need(v.adx().adx(), "ADX");
        if (!warmUp.ready()) {
            return warmUp.neutral(ID);
        }
        double adx = v.adx().adx().getAsDouble();
        Regime regime = context.regime();
        switch (regime.trend()) {
            case TRENDING -> {
                return Opinion.neutral(
                        ID,
                        List.of(new Argument(
                                "REGIME_TRENDING",
                                adx,
                                config.maxAdx(),
                                "the regime is trending: mean reversion stands aside")));
            }
            case UNKNOWN -> {
                if (adx > config.maxAdx()) {
                    return Opinion.neutral(
                            ID,
                            List.of(new Argument(
                                    "ADX_TOO_HIGH",
                                    adx,
                                    config.maxAdx(),
                                    "trend regime not known yet and ADX is too high for mean reversion")));
                }
            }
            case RANGING -> {
                // the one regime mean reversion is built for
            }
        }
        double percentB = v.bollinger().percentB().getAsDouble();
        double rsi = v.rsi().getAsDouble();
        double rsiChange = rsi - v.previousRsi().getAsDouble();

        Stance stance;
        double bandScore;
        double rsiScore;
        Argument band;
        Argument oscillator;
        if (percentB <= config.oversoldPercentB() && rsi <= config.oversoldRsi()) {
            stance = Stance.BULLISH;
            bandScore = ramp(percentB, config.oversoldPercentB(), config.oversoldPercentB() - config.bandDepthFull());
            rsiScore = ramp(rsi, config.oversoldRsi(), config.oversoldRsi() - config.rsiDepthFull());
            band = new Argument(
                    "BULL_BELOW_LOWER_BAND",
                    percentB,
                    config.oversoldPercentB(),
                    "close is at or below the lower Bollinger band");
            oscillator = new Argument("BULL_RSI_OVERSOLD", rsi, config.oversoldRsi(), "RSI is oversold");
        } else if (percentB >= config.overboughtPercentB() && rsi >= config.overboughtRsi()) {
            stance = Stance.BEARISH;
            bandScore =
                    ramp(percentB, config.overboughtPercentB(), config.overboughtPercentB() + config.bandDepthFull());
            rsiScore = ramp(rsi, config.overboughtRsi(), config.overboughtRsi() + config.rsiDepthFull());
            band = new Argument(
                    "BEAR_ABOVE_UPPER_BAND",
                    percentB,
                    config.overboughtPercentB(),
                    "close is at or above the upper Bollinger band");
            oscillator = new Argument("BEAR_RSI_OVERBOUGHT", rsi, config.overboughtRsi(), "RSI is overbought");
        } else {
            return NO_TRIGGER;
        }
        int d = Scores.sign(stance);
        boolean hooked = d * rsiChange > 0;
        double hookScore = indicator(hooked);
        double volatilityScore = switch (regime.volatility()) {
            case LOW -> 1.0;
            case UNKNOWN -> 0.5;
            case HIGH -> 0.0;
        };
        double confidence = Scores.confidence(
                0.30 + 0.20 * bandScore + 0.20 * rsiScore + 0.15 * hookScore + 0.15 * volatilityScore);

        List<Argument> arguments = new ArrayList<>(5);
        arguments.add(band);
        arguments.add(oscillator);
        if (stance == Stance.BULLISH) {
            arguments.add(
                    hooked
                            ? new Argument("BULL_RSI_TURNING_UP", rsiChange, 0, "RSI turned up from oversold")
                            : new Argument(
                                    "BEAR_RSI_STILL_FALLING", rsiChange, 0, "RSI is still falling: no turn yet"));
        } else {
            arguments.add(
                    hooked
                            ? new Argument("BEAR_RSI_TURNING_DOWN", rsiChange, 0, "RSI turned down from overbought")
                            : new Argument("BULL_RSI_STILL_RISING", rsiChange, 0, "RSI is still rising: no turn yet"));
        }
        arguments.add(new Argument(
                Arguments.named(stance, "RANGE_BOUND"),
                adx,
                config.maxAdx(),
                regime.trend() == Regime.Trend.RANGING ? "the regime is ranging" : "ADX is low: no trend to fight"));
        switch (regime.volatility()) {
            case LOW ->
                arguments.add(new Argument(
                        Arguments.named(stance, "LOW_VOLATILITY"),
                        1,
                        0,
                        "volatility is low: stretched prices tend to snap back"));
            case HIGH ->
                arguments.add(new Argument(
                        Arguments.named(stance.opposite(), "HIGH_VOLATILITY"),
                        1,
                        0,
                        "volatility is high: price can walk along the band"));
            case UNKNOWN -> {
                // no evidence either way
            }
        }
        return new Opinion(ID, stance, confidence, arguments);
    }
}
