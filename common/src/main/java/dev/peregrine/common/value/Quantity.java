package dev.peregrine.common.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * A non-negative quantity in base asset units (volumes, order sizes), within {@link Decimals}' bounds. Serialised as a
 * plain decimal string.
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    public static final Quantity ZERO = new Quantity(BigDecimal.ZERO);

    public Quantity {
        Decimals.check("quantity", value);
        if (value.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + value.toPlainString());
        }
    }

    @JsonCreator
    public static Quantity of(String text) {
        return new Quantity(Decimals.parse("quantity", text));
    }

    public static Quantity of(BigDecimal value) {
        return new Quantity(value);
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    @JsonValue
    public String text() {
        return Decimals.plain(value);
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text();
    }
}
