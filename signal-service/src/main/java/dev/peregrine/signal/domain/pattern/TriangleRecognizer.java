package dev.peregrine.signal.domain.pattern;

import static dev.peregrine.signal.domain.pattern.Format.capitalised;
import static dev.peregrine.signal.domain.pattern.Format.percent;
import static dev.peregrine.signal.domain.pattern.Format.price;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ascending, descending and symmetric triangles.
 *
 * <h2>Formation</h2>
 * The last {@code n} swings for {@code n} from {@link PatternConfig#triangleMaxSwings()} down to
 * {@link PatternConfig#triangleMinSwings()}; the first (longest) that qualifies is the triangle, shorter
 * ones are not considered. A least-squares line is fitted through its swing highs (upper boundary) and one
 * through its swing lows (lower boundary), price against bar index. With {@code W0} the width between the
 * boundaries at the first swing and {@code W1} at the last:
 * <ul>
 *   <li>every swing lies within {@link PatternConfig#triangleFitTolerance()} {@code * W0} of its boundary;</li>
 *   <li>the boundaries converge: {@code W1 > 0} and {@code 1 - W1/W0 >= triangleMinConvergence};</li>
 *   <li>each boundary's move over the formation, as a fraction of {@code W0}, is flat within
 *       {@link PatternConfig#triangleFlatTolerance()}, otherwise rising or falling. Flat top and rising
 *       bottom: ascending; falling top and flat bottom: descending; falling top and rising bottom: symmetric.
 *       Anything else (wedges, broadening shapes) is not a triangle.</li>
 * </ul>
 *
 * <h2>Confirmation</h2>
 * The bar's close beyond a boundary extended to that bar, while the width there is still at least
 * {@code (1 - triangleMaxApexProgress) * W0} (with straight boundaries that is the fraction of the way
 * from the first swing to the apex): above the upper one is BULLISH,
 * below the lower one BEARISH, whatever the triangle's type (a breakdown from an ascending triangle is
 * reported as a bearish ascending triangle). Target = breakout level plus or minus {@code W0}, the classic
 * measured move of the triangle's base.
 *
 * <p>Shape score = mean of the fit score {@code 1 - maxResidual / (fitTolerance * W0)} and the touch score
 * {@code min(1, (n - 3) / 3)}: more swings on the boundaries make a more trustworthy triangle.
 */
public final class TriangleRecognizer implements PatternRecognizer {

    private final PatternConfig config;

    public TriangleRecognizer(PatternConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    private record Triangle(
            PatternType type,
            List<SwingPoint> swings,
            PatternLine upper,
            PatternLine lower,
            double openingWidth,
            double convergence,
            double upperMove,
            double lowerMove,
            double maxResidual) {}

    @Override
    public Optional<PatternMatch> recognize(List<SwingPoint> swings, BarContext bar) {
        Optional<Triangle> found = Optional.empty();
        for (int n = Math.min(config.triangleMaxSwings(), swings.size());
                n >= config.triangleMinSwings() && found.isEmpty();
                n--) {
            found = triangle(swings.subList(swings.size() - n, swings.size()));
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Triangle triangle = found.get();
        long index = bar.index();
        double upper = triangle.upper().valueAt(index);
        double lower = triangle.lower().valueAt(index);
        if (!(upper - lower >= (1.0 - config.triangleMaxApexProgress()) * triangle.openingWidth())
                || !(upper > lower)) {
            return Optional.empty();
        }
        double close = bar.bar().close();
        boolean bullish;
        if (close > upper) {
            bullish = true;
        } else if (close < lower) {
            bullish = false;
        } else {
            return Optional.empty();
        }
        double breakout = bullish ? upper : lower;
        double height = triangle.openingWidth();
        double target = bullish ? breakout + height : breakout - height;
        double fitScore = 1.0 - triangle.maxResidual() / (config.triangleFitTolerance() * height);
        double touchScore = Math.min(1.0, (triangle.swings().size() - 3) / 3.0);
        double shape = 0.5 * PatternConfig.clamp01(fitScore) + 0.5 * touchScore;
        List<SwingPoint> used = triangle.swings();
        String explanation =
                "%s over %d swings (bars %d to %d): upper boundary %s (%s of the opening width %s), lower boundary %s (%s), width narrowed by %s; the close %s broke %s the %s boundary at %s; target %s."
                        .formatted(
                                capitalised(triangle.type().label()),
                                used.size(),
                                used.getFirst().barIndex(),
                                used.getLast().barIndex(),
                                slopeWord(triangle.upperMove()),
                                signedPercent(triangle.upperMove()),
                                price(height),
                                slopeWord(triangle.lowerMove()),
                                signedPercent(triangle.lowerMove()),
                                percent(triangle.convergence()),
                                price(close),
                                bullish ? "above" : "below",
                                bullish ? "upper" : "lower",
                                price(breakout),
                                price(target));
        return Optional.of(new PatternMatch(
                triangle.type(),
                bullish ? Direction.BULLISH : Direction.BEARISH,
                PatternConfig.confidence(shape, bar.volumeScore()),
                new KeyLevels(bullish ? triangle.upper() : triangle.lower(), breakout, target, height),
                used,
                explanation,
                index,
                bar.bar().openTime()));
    }

    private Optional<Triangle> triangle(List<SwingPoint> formation) {
        List<SwingPoint> highs = new ArrayList<>();
        List<SwingPoint> lows = new ArrayList<>();
        for (SwingPoint swing : formation) {
            (swing.type() == SwingType.HIGH ? highs : lows).add(swing);
        }
        if (highs.size() < 2 || lows.size() < 2) {
            return Optional.empty();
        }
        long start = formation.getFirst().barIndex();
        long end = formation.getLast().barIndex();
        PatternLine upper = fit(highs, start);
        PatternLine lower = fit(lows, start);
        double openingWidth = upper.valueAt(start) - lower.valueAt(start);
        if (!(openingWidth > 0)) {
            return Optional.empty();
        }
        double maxResidual = Math.max(maxResidual(highs, upper), maxResidual(lows, lower));
        if (maxResidual > config.triangleFitTolerance() * openingWidth) {
            return Optional.empty();
        }
        double closingWidth = upper.valueAt(end) - lower.valueAt(end);
        double convergence = 1.0 - closingWidth / openingWidth;
        if (!(closingWidth > 0) || convergence < config.triangleMinConvergence()) {
            return Optional.empty();
        }
        double upperMove = upper.slopePerBar() * (end - start) / openingWidth;
        double lowerMove = lower.slopePerBar() * (end - start) / openingWidth;
        double flat = config.triangleFlatTolerance();
        PatternType type;
        if (Math.abs(upperMove) <= flat && lowerMove > flat) {
            type = PatternType.ASCENDING_TRIANGLE;
        } else if (upperMove < -flat && Math.abs(lowerMove) <= flat) {
            type = PatternType.DESCENDING_TRIANGLE;
        } else if (upperMove < -flat && lowerMove > flat) {
            type = PatternType.SYMMETRIC_TRIANGLE;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Triangle(
                type,
                List.copyOf(formation),
                upper,
                lower,
                openingWidth,
                convergence,
                upperMove,
                lowerMove,
                maxResidual));
    }

    /** Least-squares line through the points, anchored at {@code anchorIndex}; x is centred for accuracy. */
    static PatternLine fit(List<SwingPoint> points, long anchorIndex) {
        double meanX = 0;
        double meanY = 0;
        for (SwingPoint point : points) {
            meanX += point.barIndex() - anchorIndex;
            meanY += point.price();
        }
        meanX /= points.size();
        meanY /= points.size();
        double sxx = 0;
        double sxy = 0;
        for (SwingPoint point : points) {
            double dx = point.barIndex() - anchorIndex - meanX;
            sxx += dx * dx;
            sxy += dx * (point.price() - meanY);
        }
        double slope = sxx > 0 ? sxy / sxx : 0.0;
        return new PatternLine(anchorIndex, meanY - slope * meanX, slope);
    }

    private static double maxResidual(List<SwingPoint> points, PatternLine line) {
        double max = 0;
        for (SwingPoint point : points) {
            max = Math.max(max, Math.abs(point.price() - line.valueAt(point.barIndex())));
        }
        return max;
    }

    private String slopeWord(double move) {
        if (Math.abs(move) <= config.triangleFlatTolerance()) {
            return "flat";
        }
        return move > 0 ? "rising" : "falling";
    }

    private static String signedPercent(double fraction) {
        return (fraction >= 0 ? "+" : "") + percent(fraction);
    }
}
