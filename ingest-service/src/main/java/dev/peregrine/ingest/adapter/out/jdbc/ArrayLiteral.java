package dev.peregrine.ingest.adapter.out.jdbc;

/**
 * PostgreSQL array literals ({@code {a,b,c}}) built by hand for batch statements, bound as one text parameter and
 * cast on the server ({@code CAST(:x AS numeric[])}). The driver's own array support escapes every element
 * character by character and was a tenth of a replay's CPU; numbers and UUIDs need no escaping at all.
 */
final class ArrayLiteral {

    private ArrayLiteral() {}

    /** Values whose text (numbers, UUIDs) holds no quote, backslash, comma, brace or space; none may be null. */
    static String plain(Object[] values) {
        StringBuilder literal = new StringBuilder(values.length * 12 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append(values[i]);
        }
        return literal.append('}').toString();
    }

    /**
     * Text values, each quoted, with quotes and backslashes escaped and NULs replaced ({@link Sql#text}); none may be
     * null.
     */
    static String quoted(String[] values) {
        StringBuilder literal = new StringBuilder(values.length * 16 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String value = Sql.text(values[i]);
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
