package dev.peregrine.signal.domain.consensus;

import dev.peregrine.signal.domain.analyst.Stance;
import java.util.List;

/**
 * One side of the debate: its score, its advocates (strongest first) and the arguments leaning its way, its own
 * advocates' first, then those the other side conceded.
 */
public sealed interface DebateCase permits BullCase, BearCase {

    Stance side();

    /** 0-1: sum of the advocates' contributions, equal to the consensus' score for this side. */
    double score();

    List<Advocate> advocates();

    List<AttributedArgument> arguments();
}
