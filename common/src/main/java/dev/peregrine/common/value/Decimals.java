package dev.peregrine.common.value;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The bounds every decimal of the contracts keeps ({@link Price}, {@link Quantity}, {@link Money} and the plain
 * decimals of events as {@link dev.peregrine.common.json.EventCodec} decodes them), and the parsing that applies them.
 *
 * <ul>
 *   <li>at most {@value #MAX_SCALE} decimals: Binance publishes at most 8; 18 leaves room for derived values (fees,
 *       averages, ratios taken to 18 decimals);</li>
 *   <li>at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point (an absolute value below 10<sup>20</sup>):
 *       Binance's own figures are 64-bit fixed point with 8 decimals (below 9.3 &times; 10<sup>10</sup>) and the
 *       largest aggregates it prints, the volumes of a month of a meme coin (PEPE, SHIB: around 10<sup>15</sup>
 *       base units), stay five orders of magnitude below;</li>
 *   <li>hence at most {@value #MAX_PRECISION} significant digits, the most PostgreSQL's {@code numeric(38, 18)} and
 *       a 128-bit decimal hold;</li>
 *   <li>text of at most {@value #MAX_TEXT_LENGTH} characters (the longest value within the bounds is 40), checked
 *       before parsing, so that ten thousand digits cost nothing;</li>
 *   <li>no NaN or Infinity: BigDecimal has none, and text that says so is not a decimal number.</li>
 * </ul>
 * A value outside them is an {@link IllegalArgumentException} that names the bound: when it arrives in an event the
 * event cannot be decoded and is dead-lettered with that reason. Error messages never print a value in plain
 * notation (1E+999999 would be a million characters).
 */
public final class Decimals {

    /** Decimals after the point, at most. */
    public static final int MAX_SCALE = 18;

    /** Digits before the point, at most: every value is below 10<sup>20</sup> in absolute value. */
    public static final int MAX_INTEGER_DIGITS = 20;

    /** Significant digits, at most: what the two bounds above allow together. */
    public static final int MAX_PRECISION = MAX_INTEGER_DIGITS + MAX_SCALE;

    /** Characters of text, at most, before a decimal is parsed. */
    public static final int MAX_TEXT_LENGTH = 64;

    private Decimals() {}

    /**
     * Parses {@code text} (surrounding whitespace ignored) and checks the bounds; {@code what} names the value in the
     * error, e.g. {@code price is not a decimal number: 'abc'}.
     */
    public static BigDecimal parse(String what, String text) {
        Objects.requireNonNull(text, what + " must not be null");
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT_LENGTH + " characters ("
                    + trimmed.length() + "): '" + abbreviate(trimmed) + "'");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            // BigDecimal rejects "NaN" and "Infinity" too, which is what we want.
            throw new IllegalArgumentException(what + " is not a decimal number: '" + abbreviate(trimmed) + "'");
        }
        return check(what, value);
    }

    /** {@code value} itself when it is within the bounds; an {@link IllegalArgumentException} naming the bound if not. */
    public static BigDecimal check(String what, BigDecimal value) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.scale() > MAX_SCALE) {
            throw new IllegalArgumentException(what + " has more than " + MAX_SCALE + " decimals: " + shown(value));
        }
        // precision - scale: the digits before the point (of 0E+25 too, which is 26); cheap even for a huge value.
        // In long: for 1E+2147483647 the int difference overflows to a negative number.
        if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException(what + " has more than " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point (at most " + MAX_PRECISION + " significant digits): "
                    + shown(value));
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

    /** A value in an error: plain when it is within the bounds' size, else scientific and cut to 40 characters. */
    private static String shown(BigDecimal value) {
        if (value.scale() <= MAX_SCALE + 2 && (long) value.precision() - value.scale() <= MAX_INTEGER_DIGITS + 2) {
            return value.toPlainString();
        }
        return abbreviate(value.toString());
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
