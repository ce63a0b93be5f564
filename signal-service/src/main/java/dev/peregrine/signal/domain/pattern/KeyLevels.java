package dev.peregrine.signal.domain.pattern;

import java.util.Objects;

/**
 * The prices a confirmed pattern is traded on.
 *
 * @param neckline      the line the close had to cross: the neckline of a double top/bottom or head and
 *                      shoulders, the broken boundary of a triangle
 * @param breakoutLevel the neckline's value on the confirming bar
 * @param target        the measured-move objective: {@code breakoutLevel} plus or minus {@code height}
 * @param height        the pattern's height, the size of the measured move (always positive)
 */
public record KeyLevels(PatternLine neckline, double breakoutLevel, double target, double height) {

    public KeyLevels {
        Objects.requireNonNull(neckline, "neckline");
        if (!(height > 0) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("pattern height must be a positive number: " + height);
        }
    }
}
