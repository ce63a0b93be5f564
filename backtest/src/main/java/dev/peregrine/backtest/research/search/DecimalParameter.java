package dev.peregrine.backtest.research.search;

import java.math.BigDecimal;
import java.util.Objects;

/** Decimals {@code min, min + step, ..., <= max}, exact (0.70 stays 0.70 in exported configuration). */
public record DecimalParameter(String name, BigDecimal min, BigDecimal max, BigDecimal step) implements Parameter {

    public DecimalParameter {
        Parameter.requireName(name);
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(step, "step");
        if (step.signum() <= 0 || max.compareTo(min) < 0) {
            throw new IllegalArgumentException(
                    name + ": need step > 0 and max >= min, got " + min + ".." + max + " step " + step);
        }
    }

    public static DecimalParameter of(String name, String min, String max, String step) {
        return new DecimalParameter(name, new BigDecimal(min), new BigDecimal(max), new BigDecimal(step));
    }

    @Override
    public int size() {
        return max.subtract(min).divideToIntegralValue(step).intValueExact() + 1;
    }

    @Override
    public BigDecimal valueAt(int index) {
        Objects.checkIndex(index, size());
        return min.add(step.multiply(BigDecimal.valueOf(index)));
    }
}
