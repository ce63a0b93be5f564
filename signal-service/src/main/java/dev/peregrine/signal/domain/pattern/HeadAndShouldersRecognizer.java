package dev.peregrine.signal.domain.pattern;

import static dev.peregrine.signal.domain.pattern.Format.capitalised;
import static dev.peregrine.signal.domain.pattern.Format.percent;
import static dev.peregrine.signal.domain.pattern.Format.price;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Head and shoulders (last five swings high, low, high, low, high) and its inverse (low, high, low, high,
 * low). Described for the top; the inverse mirrors every comparison.
 * <ul>
 *   <li>the neckline runs through the two troughs and may slope; the troughs may differ by at most
 *       {@link PatternConfig#necklineTolerance()} of the height;</li>
 *   <li>height = head minus the neckline's value under the head;</li>
 *   <li>both shoulders stand above the neckline, the head above the higher shoulder by at least
 *       {@link PatternConfig#minHeadExcess()} of the height, and the shoulders differ by at most
 *       {@link PatternConfig#shoulderTolerance()} of the height;</li>
 *   <li>confirmed when the bar closes below (inverse: above) the neckline extended to that bar; the target is
 *       that breakout level minus (inverse: plus) the height.</li>
 * </ul>
 * Shape score = mean of {@code 1 - shoulderDifference / (shoulderTolerance * height)} and
 * {@code 1 - troughDifference / (necklineTolerance * height)}: level shoulders on a level neckline score 1.
 */
public final class HeadAndShouldersRecognizer implements PatternRecognizer {

    private final PatternConfig config;

    public HeadAndShouldersRecognizer(PatternConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public Optional<PatternMatch> recognize(List<SwingPoint> swings, BarContext bar) {
        int n = swings.size();
        if (n < 5) {
            return Optional.empty();
        }
        SwingPoint leftShoulder = swings.get(n - 5);
        SwingPoint leftTrough = swings.get(n - 4);
        SwingPoint head = swings.get(n - 3);
        SwingPoint rightTrough = swings.get(n - 2);
        SwingPoint rightShoulder = swings.get(n - 1);
        boolean top = rightShoulder.type() == SwingType.HIGH;
        double sign = top ? 1.0 : -1.0;

        PatternLine neckline = PatternLine.through(leftTrough, rightTrough);
        double height = sign * (head.price() - neckline.valueAt(head.barIndex()));
        if (!(height > 0)) {
            return Optional.empty();
        }
        if (!(sign * (leftShoulder.price() - neckline.valueAt(leftShoulder.barIndex())) > 0)
                || !(sign * (rightShoulder.price() - neckline.valueAt(rightShoulder.barIndex())) > 0)) {
            return Optional.empty();
        }
        double headExcess = sign * head.price() - Math.max(sign * leftShoulder.price(), sign * rightShoulder.price());
        if (headExcess < config.minHeadExcess() * height) {
            return Optional.empty();
        }
        double shoulderDifference = Math.abs(leftShoulder.price() - rightShoulder.price());
        if (shoulderDifference > config.shoulderTolerance() * height) {
            return Optional.empty();
        }
        double troughDifference = Math.abs(leftTrough.price() - rightTrough.price());
        if (troughDifference > config.necklineTolerance() * height) {
            return Optional.empty();
        }
        double breakout = neckline.valueAt(bar.index());
        double close = bar.bar().close();
        if (!(top ? close < breakout : close > breakout)) {
            return Optional.empty();
        }
        double target = breakout - sign * height;
        double shape = 0.5 * (1.0 - shoulderDifference / (config.shoulderTolerance() * height))
                + 0.5 * (1.0 - troughDifference / (config.necklineTolerance() * height));
        PatternType type = top ? PatternType.HEAD_AND_SHOULDERS : PatternType.INVERSE_HEAD_AND_SHOULDERS;
        String explanation =
                "%s: head %s (bar %d) beyond shoulders %s (bar %d) and %s (bar %d), which differ by %s of the height %s (tolerance %s); the neckline through %s (bar %d) and %s (bar %d) stood at %s and the close %s broke %s it; target %s."
                        .formatted(
                                capitalised(type.label()),
                                price(head.price()),
                                head.barIndex(),
                                price(leftShoulder.price()),
                                leftShoulder.barIndex(),
                                price(rightShoulder.price()),
                                rightShoulder.barIndex(),
                                percent(shoulderDifference / height),
                                price(height),
                                percent(config.shoulderTolerance()),
                                price(leftTrough.price()),
                                leftTrough.barIndex(),
                                price(rightTrough.price()),
                                rightTrough.barIndex(),
                                price(breakout),
                                price(close),
                                top ? "below" : "above",
                                price(target));
        return Optional.of(new PatternMatch(
                type,
                top ? Direction.BEARISH : Direction.BULLISH,
                PatternConfig.confidence(shape, bar.volumeScore()),
                new KeyLevels(neckline, breakout, target, height),
                List.of(leftShoulder, leftTrough, head, rightTrough, rightShoulder),
                explanation,
                bar.index(),
                bar.bar().openTime()));
    }
}
