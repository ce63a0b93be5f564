package dev.peregrine.backtest.research.search;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named values for every parameter of a space, in declaration order: Integer, BigDecimal or String.
 *
 * @param values parameter name to value
 */
public record ParameterAssignment(Map<String, Object> values) {

    public ParameterAssignment {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object value(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter " + name + " in " + values.keySet());
        }
        return value;
    }

    public int integer(String name) {
        return ((Number) value(name)).intValue();
    }

    public BigDecimal decimal(String name) {
        Object value = value(name);
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    public String choice(String name) {
        return value(name).toString();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
