package dev.peregrine.common.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A Binance spot symbol such as {@code BTCUSDT}: upper case letters and digits, as the exchange spells it. */
public record Symbol(String value) implements Comparable<Symbol> {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

    public Symbol {
        Objects.requireNonNull(value, "symbol must not be null");
        if (!SYMBOL.matcher(value).matches()) {
            throw new IllegalArgumentException("symbol must be 2-20 upper case letters or digits, like BTCUSDT: '"
                    + Decimals.abbreviate(value) + "'");
        }
    }

    @JsonCreator
    public static Symbol of(String value) {
        return new Symbol(value);
    }

    /** Accepts Binance's lower case stream spelling ({@code btcusdt}) too. */
    public static Symbol parseLenient(String value) {
        Objects.requireNonNull(value, "symbol must not be null");
        return new Symbol(value.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
