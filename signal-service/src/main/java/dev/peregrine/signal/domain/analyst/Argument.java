package dev.peregrine.signal.domain.analyst;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One piece of evidence behind an opinion, as data: what was measured ({@code name}, upper snake case),
 * its {@code value}, the {@code threshold} it was compared with, and a sentence for people.
 */
public record Argument(String name, double value, double threshold, String text) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("argument name must be UPPER_SNAKE_CASE: '" + name + "'");
        }
        if (!Double.isFinite(value) || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException("argument " + name + " needs finite value and threshold");
        }
    }
}
