package dev.peregrine.backtest.research.search;

/** Integers {@code min, min + step, ..., <= max}. */
public record IntegerParameter(String name, int min, int max, int step) implements Parameter {

    public IntegerParameter {
        Parameter.requireName(name);
        if (step < 1 || max < min) {
            throw new IllegalArgumentException(
                    name + ": need step >= 1 and max >= min, got " + min + ".." + max + " step " + step);
        }
    }

    public static IntegerParameter of(String name, int min, int max) {
        return new IntegerParameter(name, min, max, 1);
    }

    @Override
    public int size() {
        return (max - min) / step + 1;
    }

    @Override
    public Integer valueAt(int index) {
        java.util.Objects.checkIndex(index, size());
        return min + index * step;
    }
}
