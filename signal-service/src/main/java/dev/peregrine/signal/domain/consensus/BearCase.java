package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Stance;
import java.util.List;
import java.util.Objects;

/**
 * The case for going short, argued by the BEARISH voters, plus the {@code BEAR_} points the BULLISH voters conceded
 * (see {@link Debate}).
 */
public record BearCase(double score, List<Advocate> advocates, List<AttributedArgument> arguments)
        implements DebateCase {

    public BearCase {
        advocates = List.copyOf(Objects.requireNonNull(advocates, "advocates"));
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
    }

    @Override
    public Stance side() {
        return Stance.BEARISH;
    }
}
