package dev.peregrine.backtest.engine;

import dev.peregrine.common.id.IdGenerator;
import java.util.UUID;

/**
 * Event ids in a backtest: a counter, so two runs of the same input give the same ids. Only envelopes take these; the
 * ids decisions, orders and positions are known by derive from what caused them (the services' own derivation).
 */
final class SequenceIds implements IdGenerator {

    /** A fixed high half, so these ids are never mistaken for the services' time-ordered ones. */
    private static final long HIGH = 0xBAC7E57000004000L;

    private long next;

    @Override
    public UUID next() {
        return new UUID(HIGH, 0x8000000000000000L | next++);
    }
}
