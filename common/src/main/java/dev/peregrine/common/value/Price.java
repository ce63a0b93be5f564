package dev.peregrine.common.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/** A strictly positive price in quote currency, within {@link Decimals}' bounds. Serialised as a plain decimal string. */
public record Price(BigDecimal value) implements Comparable<Price> {

    public Price {
        Decimals.check("price", value);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive: " + value.toPlainString());
        }
    }

    @JsonCreator
    public static Price of(String text) {
        return new Price(Decimals.parse("price", text));
    }

    public static Price of(BigDecimal value) {
        return new Price(value);
    }

    @JsonValue
    public String text() {
        return Decimals.plain(value);
    }

    @Override
    public int compareTo(Price other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return text();
    }
}
