package dev.peregrine.signal.domain.pattern;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pattern confirmed on a bar.
 *
 * @param confidence   0..1, a first-version heuristic of shape quality and breakout volume (see
 *                     {@link PatternConfig}); not a calibrated probability
 * @param swings       the swing points the pattern was built from, oldest first
 * @param explanation  one sentence a person can check against the chart
 * @param barIndex     index of the confirming bar (the bar whose close crossed the neckline)
 * @param confirmedAt  open time of the confirming bar
 */
public record PatternMatch(
        PatternType type,
        Direction direction,
        double confidence,
        KeyLevels keyLevels,
        List<SwingPoint> swings,
        String explanation,
        long barIndex,
        Instant confirmedAt) {

    public PatternMatch {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(keyLevels, "keyLevels");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        swings = List.copyOf(Objects.requireNonNull(swings, "swings"));
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
        }
        if (swings.isEmpty()) {
            throw new IllegalArgumentException("a pattern is made of swing points");
        }
    }
}
