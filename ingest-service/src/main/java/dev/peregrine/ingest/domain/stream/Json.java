package dev.peregrine.ingest.domain.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) into plain values: {@link Map} for objects, {@link List} for arrays,
 * {@link String}, {@link Number} (the literal text, so decimals stay exact), {@link Boolean} and {@link #NULL}.
 * Two leniencies, both so that the message parser can name the problem: the bare literals {@code NaN},
 * {@code Infinity} and {@code -Infinity} are read as numbers (then refused as not finite where a value is used),
 * and a document that ends early is told apart from one that is wrong ({@link Failure#truncated()}).
 */
final class Json {

    /** JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** A number as written. */
    record Number(String text) {}

    /** Why a text is not one JSON value; internal control flow, without a stack trace. */
    static final class Failure extends RuntimeException {

        private final boolean truncated;

        Failure(String message, boolean truncated) {
            super(message, null, false, false);
            this.truncated = truncated;
        }

        boolean truncated() {
            return truncated;
        }
    }

    /** The one JSON value {@code text} holds, surrounded by nothing but white space. */
    static Object parse(String text) {
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.malformed("unexpected '" + text.charAt(reader.pos) + "' after the JSON value");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
        char c = peek("a value");
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            case 'N' -> literal("NaN", new Number("NaN"));
            case 'I' -> literal("Infinity", new Number("Infinity"));
            default -> {
                if (c == '-' && text.startsWith("-I", pos)) {
                    yield literal("-Infinity", new Number("-Infinity"));
                }
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw malformed("unexpected '" + c + "' where a value should start");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> fields = new HashMap<>(16);
        skipWhitespace();
        if (peek("a field name or '}'") == '}') {
            pos++;
            return fields;
        }
        while (true) {
            if (peek("a field name") != '"') {
                throw malformed("expected a field name in double quotes");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (fields.put(name, value(depth + 1)) != null) {
                throw malformed("field '" + name + "' appears twice");
            }
            skipWhitespace();
            char next = peek("',' or '}'");
            pos++;
            if (next == '}') {
                return fields;
            }
            if (next != ',') {
                throw malformed("expected ',' or '}' after field '" + name + "', found '" + next + "'");
            }
            skipWhitespace();
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> values = new ArrayList<>();
        skipWhitespace();
        if (peek("a value or ']'") == ']') {
            pos++;
            return values;
        }
        while (true) {
            values.add(value(depth + 1));
            skipWhitespace();
            char next = peek("',' or ']'");
            pos++;
            if (next == ']') {
                return values;
            }
            if (next != ',') {
                throw malformed("expected ',' or ']' in an array, found '" + next + "'");
            }
            skipWhitespace();
        }
    }

    private String string() {
        pos++;
        int start = pos;
        // Binance's strings have no escapes: take the fast path until one shows up.
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c < 0x20) {
                throw malformed("control character in a string");
            }
            pos++;
        }
        throw truncated("a string");
    }

    private String escapedString(int start) {
        StringBuilder out = new StringBuilder(text.length() - start);
        out.append(text, start, pos);
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw malformed("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = peek("an escape");
            pos++;
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw truncated("a \\u escape");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(pos++), 16);
                        if (digit < 0) {
                            throw malformed("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw malformed("bad escape '\\" + escape + "'");
            }
        }
        throw truncated("a string");
    }

    private Number number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        if (digits() == 0) {
            throw pos >= text.length() ? truncated("a number") : malformed("a number needs a digit after '-'");
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            if (digits() == 0) {
                throw pos >= text.length() ? truncated("a number") : malformed("a number needs digits after '.'");
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw pos >= text.length() ? truncated("a number") : malformed("a number needs digits in its exponent");
            }
        }
        String literal = text.substring(start, pos);
        if (literal.length() > 1
                && (literal.startsWith("0") && Character.isDigit(literal.charAt(1))
                        || literal.startsWith("-0") && literal.length() > 2 && Character.isDigit(literal.charAt(2)))) {
            throw malformed("a number must not start with 0: " + literal);
        }
        return new Number(literal);
    }

    private int digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }

    private Object literal(String word, Object value) {
        int end = pos + word.length();
        if (end > text.length()) {
            if (word.startsWith(text.substring(pos))) {
                throw truncated("'" + word + "'");
            }
            throw malformed("unexpected '" + text.charAt(pos) + "' where a value should start");
        }
        if (!text.startsWith(word, pos)) {
            throw malformed("unexpected '" + text.charAt(pos) + "' where a value should start");
        }
        pos = end;
        return value;
    }

    private void expect(char c) {
        char found = peek("'" + c + "'");
        if (found != c) {
            throw malformed("expected '" + c + "', found '" + found + "'");
        }
        pos++;
    }

    private char peek(String expected) {
        if (pos >= text.length()) {
            throw truncated(expected);
        }
        return text.charAt(pos);
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Failure truncated(String expected) {
        return new Failure("the JSON ends after " + pos + " characters where " + expected + " should follow", true);
    }

    private Failure malformed(String problem) {
        return new Failure(problem + " at character " + pos, false);
    }
}
