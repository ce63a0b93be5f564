package dev.peregrine.signal.domain.analyst;

import dev.peregrine.signal.domain.pattern.Direction;
import dev.peregrine.signal.domain.pattern.PatternMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Speaks for the chart patterns confirmed on this candle ({@link MarketContext#patterns()}): a BULLISH pattern
 * (double bottom, inverse head and shoulders, a triangle broken upwards) makes it BULLISH, a BEARISH one
 * BEARISH. Patterns of both directions on one candle cancel out (NEUTRAL, {@code CONFLICTING_PATTERNS}); no
 * pattern, or only patterns below {@link ChartPatternConfig#minPatternConfidence()}, is NEUTRAL. It needs no
 * indicator, so it has no warm-up.
 *
 * <h2>Confidence</h2>
 * With {@code p} the best detector confidence among the patterns of the stance's direction:
 * <pre>
 *   trend t = 1 when the close is on the pattern's side of the trend EMA (above for BULLISH), 0 when not,
 *             0.5 while the trend EMA is not warm
 *   confidence = confidenceCap * (0.8 p + 0.2 t)
 * </pre>
 *
 * <h2>Arguments</h2>
 * One per pattern, named after its direction and type ({@code BULL_DOUBLE_BOTTOM}, {@code
 * BEAR_HEAD_AND_SHOULDERS}, {@code BULL_SYMMETRIC_TRIANGLE}, ...) with the close against the breakout level and
 * the detector's explanation; and {@code BULL_ABOVE_TREND_EMA}/{@code BEAR_BELOW_TREND_EMA}, for or against.
 */
public final class ChartPatternAnalyst implements Analyst {

    public static final String ID = "chart-patterns";

    private static final Opinion NO_PATTERN =
            Opinion.neutral(ID, List.of(new Argument("NO_PATTERN", 0, 0, "no chart pattern confirmed on this bar")));

    private final ChartPatternConfig config;

    public ChartPatternAnalyst(ChartPatternConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static ChartPatternAnalyst withDefaults() {
        return new ChartPatternAnalyst(ChartPatternConfig.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    public ChartPatternConfig config() {
        return config;
    }

    @Override
    public Opinion assess(MarketContext context) {
        List<PatternMatch> patterns = context.patterns();
        if (patterns.isEmpty()) {
            return NO_PATTERN;
        }
        double bestBull = -1;
        double bestBear = -1;
        for (int i = 0; i < patterns.size(); i++) {
            PatternMatch pattern = patterns.get(i);
            if (pattern.confidence() < config.minPatternConfidence()) {
                continue;
            }
            if (pattern.direction() == Direction.BULLISH) {
                bestBull = Math.max(bestBull, pattern.confidence());
            } else {
                bestBear = Math.max(bestBear, pattern.confidence());
            }
        }
        if (bestBull < 0 && bestBear < 0) {
            return NO_PATTERN;
        }
        double close = context.indicators().close();
        List<Argument> arguments = new ArrayList<>(patterns.size() + 1);
        for (int i = 0; i < patterns.size(); i++) {
            PatternMatch pattern = patterns.get(i);
            if (pattern.confidence() >= config.minPatternConfidence()) {
                Stance lean = pattern.direction() == Direction.BULLISH ? Stance.BULLISH : Stance.BEARISH;
                arguments.add(new Argument(
                        Arguments.named(lean, pattern.type().name()),
                        close,
                        pattern.keyLevels().breakoutLevel(),
                        pattern.explanation()));
            }
        }
        if (bestBull >= 0 && bestBear >= 0) {
            arguments.add(new Argument(
                    "CONFLICTING_PATTERNS",
                    bestBull,
                    bestBear,
                    "bullish and bearish patterns confirmed on the same bar"));
            return Opinion.neutral(ID, arguments);
        }
        Stance stance = bestBull >= 0 ? Stance.BULLISH : Stance.BEARISH;
        double best = Math.max(bestBull, bestBear);
        double trendScore = 0.5;
        if (context.indicators().emaTrend().isPresent()) {
            double trendEma = context.indicators().emaTrend().getAsDouble();
            boolean above = close > trendEma;
            trendScore = Scores.indicator(stance == Stance.BULLISH ? above : !above);
            arguments.add(
                    above
                            ? new Argument("BULL_ABOVE_TREND_EMA", close, trendEma, "close is above the trend EMA")
                            : new Argument(
                                    "BEAR_BELOW_TREND_EMA", close, trendEma, "close is at or below the trend EMA"));
        }
        double confidence = Scores.confidence(config.confidenceCap() * (0.8 * best + 0.2 * trendScore));
        return new Opinion(ID, stance, confidence, arguments);
    }
}
