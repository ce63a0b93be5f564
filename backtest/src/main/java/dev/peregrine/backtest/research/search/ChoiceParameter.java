package dev.peregrine.backtest.research.search;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/** One of a list of named options (e.g. a regime label or an exit rule). */
public record ChoiceParameter(String name, List<String> choices) implements Parameter {

    public ChoiceParameter {
        Parameter.requireName(name);
        choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
        if (choices.isEmpty() || new HashSet<>(choices).size() != choices.size()) {
            throw new IllegalArgumentException(name + ": choices must be distinct and not empty: " + choices);
        }
    }

    @Override
    public int size() {
        return choices.size();
    }

    @Override
    public String valueAt(int index) {
        return choices.get(index);
    }
}
