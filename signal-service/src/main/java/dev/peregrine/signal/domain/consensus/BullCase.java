package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Stance;
import java.util.List;
import java.util.Objects;

/**
 * The case for going long, argued by the BULLISH voters, plus the {@code BULL_} points the BEARISH voters conceded
 * (see {@link Debate}).
 */
public record BullCase(double score, List<Advocate> advocates, List<AttributedArgument> arguments)
        implements DebateCase {

    public BullCase {
        advocates = List.copyOf(Objects.requireNonNull(advocates, "advocates"));
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
    }

    @Override
    public Stance side() {
        return Stance.BULLISH;
    }
}
