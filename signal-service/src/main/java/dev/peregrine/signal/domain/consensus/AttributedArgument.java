package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Stance;
import java.util.Objects;

/**
 * One piece of evidence in a debate case, with the analyst who brought it, the stance that analyst took and how
 * much it counts ({@code weight}, {@code confidence} and {@code contribution} are the analyst's, as in
 * {@link Advocate}). An argument sits in the case it leans to ({@link dev.peregrine.signal.domain.analyst.Arguments#lean}),
 * so {@code analystStance} differs from the case's side when an analyst concedes a point to the other side.
 */
public record AttributedArgument(
        String analystId,
        Stance analystStance,
        double weight,
        double confidence,
        double contribution,
        Argument argument) {

    public AttributedArgument {
        Objects.requireNonNull(analystId, "analystId");
        Objects.requireNonNull(analystStance, "analystStance");
        Objects.requireNonNull(argument, "argument");
    }

    /** Whether the analyst argued for the other side and this point counts against its own stance. */
    public boolean conceded(Stance caseSide) {
        return analystStance != caseSide;
    }
}
