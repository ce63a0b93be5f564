package dev.peregrine.backtest.research.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared search space: a list of parameters with distinct names. A point of the space is one index per
 * parameter; {@link #assignment(int[])} turns it into named values.
 */
public record ParameterSpace(List<Parameter> parameters) {

    public ParameterSpace {
        parameters = List.copyOf(parameters);
        Set<String> names = new HashSet<>();
        for (Parameter p : parameters) {
            if (!names.add(p.name())) {
                throw new IllegalArgumentException("parameter declared twice: " + p.name());
            }
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a parameter space needs at least one parameter");
        }
    }

    public static ParameterSpace of(Parameter... parameters) {
        return new ParameterSpace(List.of(parameters));
    }

    /** Number of points: the grid's size. */
    public long size() {
        long size = 1;
        for (Parameter p : parameters) {
            size = Math.multiplyExact(size, p.size());
        }
        return size;
    }

    public ParameterAssignment assignment(int[] indices) {
        if (indices.length != parameters.size()) {
            throw new IllegalArgumentException("need one index per parameter: " + indices.length);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < indices.length; i++) {
            values.put(parameters.get(i).name(), parameters.get(i).valueAt(indices[i]));
        }
        return new ParameterAssignment(values);
    }

    /** The point at {@code ordinal} in grid order (last parameter fastest), 0 <= ordinal < size(). */
    public ParameterAssignment assignment(long ordinal) {
        int[] indices = new int[parameters.size()];
        long rest = ordinal;
        for (int i = parameters.size() - 1; i >= 0; i--) {
            int size = parameters.get(i).size();
            indices[i] = (int) (rest % size);
            rest /= size;
        }
        if (ordinal < 0 || rest != 0) {
            throw new IndexOutOfBoundsException("ordinal " + ordinal + " outside a space of " + size());
        }
        return assignment(indices);
    }
}
