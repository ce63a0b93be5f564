package dev.peregrine.common.value;

import java.math.BigDecimal;
import java.util.Objects;

/** Shared parsing and range checks for the decimal-backed values. */
final class Decimals {

    /** Binance publishes at most 8 decimals; 18 leaves room for derived values (fees, averages). */
    static final int MAX_SCALE = 18;

    private Decimals() {
    }

    static BigDecimal parse(String what, String text) {
        Objects.requireNonNull(text, what + " must not be null");
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            // BigDecimal rejects "NaN" and "Infinity" too, which is what we want.
            throw new IllegalArgumentException(what + " is not a decimal number: '" + abbreviate(trimmed) + "'");
        }
    }

    static BigDecimal checkScale(String what, BigDecimal value) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.scale() > MAX_SCALE) {
            throw new IllegalArgumentException(what + " has more than " + MAX_SCALE + " decimals: " + value.toPlainString());
        }
        return value;
    }

    /**
     * {@link BigDecimal#toPlainString()}, by way of {@link BigDecimal#toString()} when that has no exponent (then the
     * two are the same text): BigDecimal keeps its toString, so a value stored and then published, or published to
     * two places, is turned into text once.
     */
    static String plain(BigDecimal value) {
        String text = value.toString();
        return text.indexOf('E') < 0 ? text : value.toPlainString();
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
