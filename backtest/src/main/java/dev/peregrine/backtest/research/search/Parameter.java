package dev.peregrine.backtest.research.search;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A declared, finite search dimension. Every parameter is a list of {@link #size()} values addressed by index, so
 * grid and genetic search treat integers, stepped decimals and choices alike. Names are the services' property keys
 * where one exists (e.g. {@code peregrine.signal.consensus.min-agreeing}), else a {@code research.*} key.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = IntegerParameter.class, name = "integer"),
    @JsonSubTypes.Type(value = DecimalParameter.class, name = "decimal"),
    @JsonSubTypes.Type(value = ChoiceParameter.class, name = "choice")
})
public sealed interface Parameter permits IntegerParameter, DecimalParameter, ChoiceParameter {

    String name();

    /** Number of values. */
    int size();

    /** The value at {@code index}, 0 = the lowest (or first) one: an Integer, a BigDecimal or a String. */
    Object valueAt(int index);

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
    }
}
