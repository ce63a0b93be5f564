package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Argument;

import java.util.Objects;

/**
 * One piece of evidence in a debate case, with the analyst who brought it and how much that analyst
 * counts ({@code contribution} as in {@link Advocate}).
 */
public record AttributedArgument(String analystId, double weight, double confidence, double contribution,
                                 Argument argument) {

    public AttributedArgument {
        Objects.requireNonNull(analystId, "analystId");
        Objects.requireNonNull(argument, "argument");
    }
}
