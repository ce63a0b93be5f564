package dev.peregrine.signal.domain.analyst;

import java.util.List;
import java.util.Objects;

/**
 * What one analyst thinks of the latest closed candle.
 *
 * @param confidence 0-1: how sure the analyst is of its stance (for NEUTRAL, 0)
 * @param arguments  the evidence, for and against, that led to the stance
 */
public record Opinion(String analystId, Stance stance, double confidence, List<Argument> arguments) {

    public Opinion {
        Objects.requireNonNull(analystId, "analystId");
        Objects.requireNonNull(stance, "stance");
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
        if (stance == Stance.NEUTRAL && confidence != 0.0) {
            throw new IllegalArgumentException("a NEUTRAL opinion carries no confidence");
        }
    }

    public static Opinion neutral(String analystId, List<Argument> arguments) {
        return new Opinion(analystId, Stance.NEUTRAL, 0.0, arguments);
    }

    public boolean directional() {
        return stance != Stance.NEUTRAL;
    }
}
