package dev.peregrine.signal.domain.analyst;

import static dev.peregrine.signal.domain.analyst.Scores.ramp;

import dev.peregrine.signal.domain.indicator.IndicatorValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trades a close beyond a level the market respected, when volume says the move is real.
 *
 * <h2>Trigger (otherwise NEUTRAL)</h2>
 * Levels: the Donchian channel of the previous N bars ({@code close > previousUpper} is a new N-bar high,
 * {@code close < previousLower} a new N-bar low) and, once the bank has seen a whole UTC day, the prior day's
 * range, crossed on this bar ({@code previousClose <= priorHigh < close}, mirrored for the low). Any level
 * broken upwards is BULLISH, downwards BEARISH (both at once: NEUTRAL, {@code CONFLICTING_BREAKOUTS}). The
 * bar's volume z-score must be at least {@link BreakoutConfig#minVolumeZ()}, else NEUTRAL with
 * {@code UNCONFIRMED_BREAKOUT}: a breakout on ordinary volume is the classic false breakout.
 *
 * <h2>Confidence</h2>
 * The reference level is the farthest broken one (highest for BULLISH, lowest for BEARISH).
 * <pre>
 *   levels      l = 0.5 per kind of level broken (Donchian, prior day)
 *   penetration p = ramp(distance beyond the level, 0 -> penetrationAtr * ATR)
 *   volume      v = ramp(volume z, minVolumeZ -> fullVolumeZ)
 *   close       c = where the close sits in the bar's range toward the breakout side
 *                   ((close - low) / (high - low) for BULLISH; 1 when high == low)
 *   confidence = 0.20 + 0.20 l + 0.20 p + 0.20 v + 0.20 c
 * </pre>
 *
 * <h2>Arguments</h2>
 * {@code BULL_DONCHIAN_BREAKOUT}, {@code BULL_PRIOR_DAY_HIGH_BREAK} and their BEAR mirrors; volume
 * ({@code *_VOLUME_CONFIRMS}); penetration ({@code *_DECISIVE_BREAK} for, {@code *_SHALLOW_BREAK} against when
 * below penetrationAtr); the close ({@code *_STRONG_CLOSE} for when c >= 0.5, else {@code BEAR_LONG_UPPER_WICK}
 * / {@code BULL_LONG_LOWER_WICK} against). Needs a warm previous Donchian channel, volume z-score, ATR and a
 * previous close; the prior day's range is used when known.
 */
public final class BreakoutAnalyst implements Analyst {

    public static final String ID = "breakout";

    private static final Opinion NO_TRIGGER = Opinion.neutral(
            ID,
            List.of(new Argument(
                    "NO_TRIGGER",
                    0,
                    0,
                    "close broke neither the previous Donchian channel nor the prior day's range")));

    private final BreakoutConfig config;

    public BreakoutAnalyst(BreakoutConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static BreakoutAnalyst withDefaults() {
        return new BreakoutAnalyst(BreakoutConfig.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    public BreakoutConfig config() {
        return config;
    }

    @Override
    public Opinion assess(MarketContext context) {
        IndicatorValues v = context.indicators();
        IndicatorValues.Donchian donchian = v.donchian();
        WarmUp warmUp = new WarmUp()
                .need(donchian.previousUpper(), "previous Donchian upper")
                .need(donchian.previousLower(), "previous Donchian lower")
                .need(v.volumeZScore(), "volume z-score")
                .need(v.atr(), "ATR")
                .need(v.previousClose(), "previous close");
        if (!warmUp.ready()) {
            return warmUp.neutral(ID);
        }
        double close = v.close();
        double previousClose = v.previousClose().getAsDouble();
        double channelHigh = donchian.previousUpper().getAsDouble();
        double channelLow = donchian.previousLower().getAsDouble();
        boolean channelUp = close > channelHigh;
        boolean channelDown = close < channelLow;
        boolean dayUp = false;
        boolean dayDown = false;
        double dayHigh = 0;
        double dayLow = 0;
        IndicatorValues.PriorDay priorDay = v.priorDay();
        if (priorDay.high().isPresent() && priorDay.low().isPresent()) {
            dayHigh = priorDay.high().getAsDouble();
            dayLow = priorDay.low().getAsDouble();
            dayUp = previousClose <= dayHigh && close > dayHigh;
            dayDown = previousClose >= dayLow && close < dayLow;
        }
        boolean up = channelUp || dayUp;
        boolean down = channelDown || dayDown;
        if (!up && !down) {
            return NO_TRIGGER;
        }
        List<Argument> arguments = new ArrayList<>(6);
        if (channelUp) {
            arguments.add(new Argument(
                    "BULL_DONCHIAN_BREAKOUT",
                    close,
                    channelHigh,
                    "close broke above the highest high of the previous Donchian window"));
        }
        if (dayUp) {
            arguments.add(new Argument(
                    "BULL_PRIOR_DAY_HIGH_BREAK", close, dayHigh, "close crossed above the prior day's high"));
        }
        if (channelDown) {
            arguments.add(new Argument(
                    "BEAR_DONCHIAN_BREAKOUT",
                    close,
                    channelLow,
                    "close broke below the lowest low of the previous Donchian window"));
        }
        if (dayDown) {
            arguments.add(
                    new Argument("BEAR_PRIOR_DAY_LOW_BREAK", close, dayLow, "close crossed below the prior day's low"));
        }
        if (up && down) {
            arguments.add(new Argument("CONFLICTING_BREAKOUTS", 0, 0, "levels broke in both directions at once"));
            return Opinion.neutral(ID, arguments);
        }
        double volumeZ = v.volumeZScore().getAsDouble();
        if (volumeZ < config.minVolumeZ()) {
            arguments.add(new Argument(
                    "UNCONFIRMED_BREAKOUT", volumeZ, config.minVolumeZ(), "the breakout came on ordinary volume"));
            return Opinion.neutral(ID, arguments);
        }
        Stance stance = up ? Stance.BULLISH : Stance.BEARISH;
        int d = Scores.sign(stance);
        boolean bothKinds = up ? channelUp && dayUp : channelDown && dayDown;
        double level = up
                ? (channelUp && dayUp ? Math.max(channelHigh, dayHigh) : channelUp ? channelHigh : dayHigh)
                : (channelDown && dayDown ? Math.min(channelLow, dayLow) : channelDown ? channelLow : dayLow);
        double atr = v.atr().getAsDouble();
        double distance = d * (close - level);
        double distanceAtr = atr > 0 ? distance / atr : config.penetrationAtr();

        double levelScore = bothKinds ? 1.0 : 0.5;
        double penetrationScore = ramp(distanceAtr, 0, config.penetrationAtr());
        double volumeScore = ramp(volumeZ, config.minVolumeZ(), config.fullVolumeZ());
        double high = context.bar().high().doubleValue();
        double low = context.bar().low().doubleValue();
        double range = high - low;
        double closeScore = range > 0 ? Scores.clamp01(up ? (close - low) / range : (high - close) / range) : 1.0;
        double confidence = Scores.confidence(
                0.20 + 0.20 * levelScore + 0.20 * penetrationScore + 0.20 * volumeScore + 0.20 * closeScore);

        arguments.add(new Argument(
                Arguments.named(stance, "VOLUME_CONFIRMS"),
                volumeZ,
                config.minVolumeZ(),
                "volume is well above its recent mean"));
        arguments.add(
                distanceAtr >= config.penetrationAtr()
                        ? new Argument(
                                Arguments.named(stance, "DECISIVE_BREAK"),
                                distanceAtr,
                                config.penetrationAtr(),
                                "close is well beyond the level (in ATRs)")
                        : new Argument(
                                Arguments.named(stance.opposite(), "SHALLOW_BREAK"),
                                distanceAtr,
                                config.penetrationAtr(),
                                "close is only just beyond the level (in ATRs)"));
        if (closeScore >= 0.5) {
            arguments.add(new Argument(
                    Arguments.named(stance, "STRONG_CLOSE"),
                    closeScore,
                    0.5,
                    up ? "the bar closed in its upper half" : "the bar closed in its lower half"));
        } else {
            arguments.add(
                    up
                            ? new Argument(
                                    "BEAR_LONG_UPPER_WICK",
                                    closeScore,
                                    0.5,
                                    "the bar gave back most of its rise: long upper wick")
                            : new Argument(
                                    "BULL_LONG_LOWER_WICK",
                                    closeScore,
                                    0.5,
                                    "the bar gave back most of its fall: long lower wick"));
        }
        return new Opinion(ID, stance, confidence, arguments);
    }
}
