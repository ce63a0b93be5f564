package dev.peregrine.signal.domain.pattern;

import static dev.peregrine.signal.domain.pattern.Format.capitalised;
import static dev.peregrine.signal.domain.pattern.Format.percent;
import static dev.peregrine.signal.domain.pattern.Format.price;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Double top (last three swings high, low, high) and double bottom (low, high, low).
 * <ul>
 *   <li>height = mean of the two peaks minus the trough between them (mirrored for a bottom);</li>
 *   <li>the peaks may differ by at most {@link PatternConfig#doublePeakTolerance()} of the height;</li>
 *   <li>the neckline is horizontal through the middle swing; confirmed when the bar closes beyond it
 *       (below for a top: BEARISH, above for a bottom: BULLISH);</li>
 *   <li>target = neckline minus (top) or plus (bottom) the height.</li>
 * </ul>
 * Shape score = {@code 1 - peakDifference / (tolerance * height)}: equal peaks score 1.
 */
public final class DoubleTopBottomRecognizer implements PatternRecognizer {

    private final PatternConfig config;

    public DoubleTopBottomRecognizer(PatternConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Optional<PatternMatch> recognize(List<SwingPoint> swings, BarContext bar) {
        int n = swings.size();
        if (n < 3) {
            return Optional.empty();
        }
        SwingPoint first = swings.get(n - 3);
        SwingPoint middle = swings.get(n - 2);
        SwingPoint second = swings.get(n - 1);
        boolean top = second.type() == SwingType.HIGH;
        double sign = top ? 1.0 : -1.0;
        double neckline = middle.price();
        double height = sign * ((first.price() + second.price()) / 2.0 - neckline);
        if (!(height > 0)) {
            return Optional.empty();
        }
        double difference = Math.abs(first.price() - second.price());
        if (difference > config.doublePeakTolerance() * height) {
            return Optional.empty();
        }
        double close = bar.bar().close();
        if (!(top ? close < neckline : close > neckline)) {
            return Optional.empty();
        }
        double target = neckline - sign * height;
        double shape = 1.0 - difference / (config.doublePeakTolerance() * height);
        PatternType type = top ? PatternType.DOUBLE_TOP : PatternType.DOUBLE_BOTTOM;
        String extremes = top ? "peaks" : "troughs";
        String explanation =
                "%s: %s %s (bar %d) and %s (bar %d) differ by %s of the height %s (tolerance %s); the close %s broke %s the neckline %s set by the %s at bar %d; target %s."
                        .formatted(
                                capitalised(type.label()),
                                extremes,
                                price(first.price()),
                                first.barIndex(),
                                price(second.price()),
                                second.barIndex(),
                                percent(difference / height),
                                price(height),
                                percent(config.doublePeakTolerance()),
                                price(close),
                                top ? "below" : "above",
                                price(neckline),
                                top ? "trough" : "peak",
                                middle.barIndex(),
                                price(target));
        return Optional.of(new PatternMatch(
                type,
                top ? Direction.BEARISH : Direction.BULLISH,
                PatternConfig.confidence(shape, bar.volumeScore()),
                new KeyLevels(PatternLine.horizontal(middle.barIndex(), neckline), neckline, target, height),
                List.of(first, middle, second),
                explanation,
                bar.index(),
                bar.bar().openTime()));
    }
}
