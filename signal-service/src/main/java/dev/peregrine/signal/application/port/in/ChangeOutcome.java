package dev.peregrine.signal.application.port.in;

import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.signal.domain.Strategy;

/** What became of a request to change a strategy. A refusal is a value, not an exception. */
public sealed interface ChangeOutcome {

    /** Persisted, audited and announced. */
    record Changed(Strategy strategy, StrategyStateChanged announcement) implements ChangeOutcome {}

    /** The strategy already was in the requested state: nothing recorded, nothing announced. */
    record Unchanged(Strategy strategy) implements ChangeOutcome {}

    /** A redelivered command that was applied before: its announcement was published again. */
    record AlreadyApplied(StrategyStateChanged announcement) implements ChangeOutcome {}

    /** No strategy has this id. */
    record UnknownStrategy(String strategyId) implements ChangeOutcome {}
}
