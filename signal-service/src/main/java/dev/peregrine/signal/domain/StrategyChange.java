package dev.peregrine.signal.domain;

import java.util.Objects;

/** One applied transition of a strategy, as audited: the state before and after. */
public record StrategyChange(Strategy before, Strategy after) {

    public StrategyChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException(
                    "a change must stay on one strategy: " + before.id() + " -> " + after.id());
        }
    }
}
