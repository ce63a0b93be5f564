package dev.peregrine.ingest.domain.stream;

import static dev.peregrine.ingest.domain.stream.RejectionText.describe;
import static dev.peregrine.ingest.domain.stream.RejectionText.shown;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.RejectionReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed access to one JSON object of a message: the first bad field becomes a {@link FieldRejection} naming it and
 * its value. Here live the value rules every payload shares (exact decimals within the kline CSV's limits, no NaN,
 * no negative quantity, epoch milli- or microseconds), so each payload reader only says which field is what.
 */
record PayloadFields(Map<?, ?> map, String path) {

    /** Same limits as the kline CSV parser and the event values: at most 18 decimals, 20 integer digits. */
    private static final int MAX_DECIMALS = 18;

    private static final int MAX_INTEGER_DIGITS = 20;
    private static final long MICROS_FROM = 1_000_000_000_000_000L;
    private static final long MILLIS_BELOW = 10_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;

    boolean has(String name) {
        return map.containsKey(name);
    }

    private Object get(String name) {
        Object value = map.get(name);
        if (value == null) {
            throw new FieldRejection(RejectionReason.MISSING_FIELD, "field " + path + name + " is missing");
        }
        return value;
    }

    private FieldRejection wrongType(String name, String expected, Object value) {
        return new FieldRejection(
                RejectionReason.WRONG_TYPE,
                "field " + path + name + " should be " + expected + ", is " + describe(value));
    }

    String string(String name) {
        Object value = get(name);
        if (value instanceof String text) {
            return text;
        }
        throw wrongType(name, "a string", value);
    }

    PayloadFields object(String name) {
        Object value = get(name);
        if (value instanceof Map<?, ?> inner) {
            return new PayloadFields(inner, path + name + ".");
        }
        throw wrongType(name, "an object", value);
    }

    boolean bool(String name) {
        Object value = get(name);
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw wrongType(name, "true or false", value);
    }

    Symbol symbol(String name) {
        return converted(name, Symbol::of);
    }

    Interval interval(String name) {
        return converted(name, Interval::fromCode);
    }

    /** A text field through a value type's factory, whose refusal becomes a BAD_VALUE rejection. */
    private <T> T converted(String name, Function<String, T> factory) {
        String text = string(name);
        try {
            return factory.apply(text);
        } catch (IllegalArgumentException e) {
            throw new FieldRejection(RejectionReason.BAD_VALUE, "field " + path + name + ": " + e.getMessage());
        }
    }

    long nonNegativeLong(String name) {
        Object value = get(name);
        if (!(value instanceof Json.Number number)) {
            throw wrongType(name, "a whole number", value);
        }
        String text = number.text();
        if (isNonFinite(text)) {
            throw new FieldRejection(
                    RejectionReason.NOT_FINITE, "field " + path + name + " is not a finite number: " + text);
        }
        long parsed;
        try {
            parsed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            boolean whole = text.chars().allMatch(c -> c == '-' || Character.isDigit(c));
            throw new FieldRejection(
                    whole ? RejectionReason.OUT_OF_RANGE : RejectionReason.NOT_A_NUMBER,
                    "field " + path + name + (whole ? " does not fit 64 bits: " : " is not a whole number: ")
                            + shown(text));
        }
        if (parsed < 0) {
            throw new FieldRejection(RejectionReason.NEGATIVE_VALUE, "field " + path + name + " is negative: " + text);
        }
        return parsed;
    }

    Instant time(String name) {
        Object value = get(name);
        if (!(value instanceof Json.Number number)) {
            throw wrongType(name, "epoch milliseconds", value);
        }
        long parsed;
        try {
            parsed = Long.parseLong(number.text());
        } catch (NumberFormatException e) {
            throw new FieldRejection(
                    RejectionReason.BAD_TIMESTAMP,
                    "field " + path + name + " is not an epoch-millisecond integer: " + shown(number.text()));
        }
        if (parsed < 0) {
            throw new FieldRejection(RejectionReason.BAD_TIMESTAMP, "field " + path + name + " is negative: " + parsed);
        }
        if (parsed < MILLIS_BELOW) {
            return Instant.ofEpochMilli(parsed);
        }
        // Binance sends microseconds when a connection asks for timeUnit=MICROSECOND.
        if (parsed >= MICROS_FROM && parsed < MICROS_BELOW) {
            return Instant.ofEpochSecond(parsed / 1_000_000, (parsed % 1_000_000) * 1_000);
        }
        throw new FieldRejection(
                RejectionReason.BAD_TIMESTAMP,
                "field " + path + name + " is neither epoch milliseconds nor microseconds: " + parsed);
    }

    /** A price: a positive decimal. */
    BigDecimal price(String name) {
        BigDecimal value = amount(name);
        if (value.signum() == 0) {
            throw new FieldRejection(RejectionReason.ZERO_PRICE, "field " + path + name + " is a zero price");
        }
        return value;
    }

    /** A quantity or volume: a decimal of zero or more. */
    BigDecimal amount(String name) {
        return amount(name, get(name));
    }

    private BigDecimal amount(String name, Object value) {
        String text;
        if (value instanceof String string) {
            text = string;
        } else if (value instanceof Json.Number number) {
            text = number.text();
        } else {
            throw wrongType(name, "a decimal", value);
        }
        if (isNonFinite(text)) {
            throw new FieldRejection(
                    RejectionReason.NOT_FINITE,
                    "field " + path + name + " is not a finite number: '" + shown(text) + "'");
        }
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FieldRejection(
                    RejectionReason.NOT_A_NUMBER,
                    "field " + path + name + " is not a decimal number: '" + shown(text) + "'");
        }
        if (parsed.scale() > MAX_DECIMALS || (long) parsed.precision() - parsed.scale() > MAX_INTEGER_DIGITS) {
            throw new FieldRejection(
                    RejectionReason.OUT_OF_RANGE,
                    "field " + path + name + " has more than "
                            + MAX_DECIMALS + " decimals or " + MAX_INTEGER_DIGITS + " integer digits: '" + shown(text)
                            + "'");
        }
        if (parsed.signum() < 0) {
            throw new FieldRejection(
                    RejectionReason.NEGATIVE_VALUE, "field " + path + name + " is negative: '" + shown(text) + "'");
        }
        return parsed;
    }

    /** Book levels {@code [["price", "quantity"], ...]}: a positive price, a quantity of zero (removed) or more. */
    List<StreamMessage.PriceLevel> levels(String name) {
        Object value = get(name);
        if (!(value instanceof List<?> rows)) {
            throw wrongType(name, "an array of [price, quantity]", value);
        }
        List<StreamMessage.PriceLevel> levels = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String level = name + "[" + i + "]";
            if (!(rows.get(i) instanceof List<?> pair) || pair.size() < 2) {
                throw wrongType(level, "a [price, quantity] pair", rows.get(i));
            }
            BigDecimal price = amount(level + "[0]", pair.get(0));
            if (price.signum() == 0) {
                throw new FieldRejection(RejectionReason.ZERO_PRICE, "field " + path + level + "[0] is a zero price");
            }
            levels.add(new StreamMessage.PriceLevel(price, amount(level + "[1]", pair.get(1))));
        }
        return levels;
    }

    private static boolean isNonFinite(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("nan")
                || lower.endsWith("infinity")
                || lower.endsWith("inf")
                || lower.equals("+nan")
                || lower.equals("-nan");
    }
}
