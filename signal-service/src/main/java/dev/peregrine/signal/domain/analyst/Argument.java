package dev.peregrine.signal.domain.analyst;

import dev.peregrine.common.event.Reason;
import java.util.Objects;

/**
 * One piece of evidence behind an opinion, as data: what was measured ({@code name}, upper snake case as a
 * reason code),
 * its {@code value}, the {@code threshold} it was compared with, and a sentence for people.
 */
public record Argument(String name, double value, double threshold, String text) {

    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        if (!Reason.isCode(name)) {
            throw new IllegalArgumentException("argument name must be UPPER_SNAKE_CASE: '" + name + "'");
        }
        if (!Double.isFinite(value) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("argument " + name + " needs finite value and threshold");
        }
    }
}
