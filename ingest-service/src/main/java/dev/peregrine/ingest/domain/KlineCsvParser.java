package dev.peregrine.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses one line of Binance's kline layout, the column order of {@code /api/v3/klines} and of the public
 * data dumps: {@code open_time,open,high,low,close,volume,close_time,quote_volume,trades,
 * taker_buy_base_volume,taker_buy_quote_volume}, optionally followed by Binance's unused "ignore" column.
 * Bad input is a {@link ParseResult.Rejected} with a reason, never an exception: one bad line must not stop a feed.
 */
public final class KlineCsvParser {

    private static final int COLUMNS = 11;
    private static final int COLUMNS_WITH_IGNORE = 12;
    private static final String[] NAMES = {
        "open_time",
        "open",
        "high",
        "low",
        "close",
        "volume",
        "close_time",
        "quote_volume",
        "trades",
        "taker_buy_base_volume",
        "taker_buy_quote_volume",
        "ignore"
    };
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** Same limit as the event values in common: prices and quantities carry at most 18 decimals. */
    private static final int MAX_DECIMALS = 18;
    /** No market value needs more; the bound also stops "1e999999" from expanding into a huge number. */
    private static final int MAX_INTEGER_DIGITS = 20;

    private static final long MICROS_FROM = 1_000_000_000_000_000L;
    private static final long MILLIS_BELOW = 10_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Series series;

    public KlineCsvParser(Series series) {
        this.series = Objects.requireNonNull(series, "series");
    }

    /** Whether {@code line} is the column header some files start with (it is skipped, not rejected). */
    public static boolean isHeader(String line) {
        if (line == null) {
            return false;
        }
        String first = stripByteOrderMark(line).split(",", 2)[0];
        return first.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").equals("opentime");
    }

    public ParseResult parse(String line) {
        if (line == null || stripByteOrderMark(line).isBlank()) {
            return reject(RejectionReason.EMPTY_LINE, "the line is empty");
        }
        String text = stripByteOrderMark(line);
        // Column bounds instead of String.split: no substring per column, and the numbers are read straight from
        // the line's characters (this runs for every line of a replay).
        int[] starts = new int[COLUMNS_WITH_IGNORE + 1];
        int columns = 0;
        for (int i = 0; i < text.length() && columns <= COLUMNS_WITH_IGNORE; i++) {
            if (text.charAt(i) == ',') {
                columns++;
                if (columns <= COLUMNS_WITH_IGNORE) {
                    starts[columns] = i + 1;
                }
            }
        }
        columns++;
        if (columns != COLUMNS && columns != COLUMNS_WITH_IGNORE) {
            int found = columns > COLUMNS_WITH_IGNORE ? text.split(",", -1).length : columns;
            return reject(
                    RejectionReason.WRONG_COLUMN_COUNT,
                    "expected " + COLUMNS + " columns ("
                            + String.join(",", java.util.Arrays.copyOf(NAMES, COLUMNS)) + ") or " + COLUMNS_WITH_IGNORE
                            + " with Binance's trailing ignore column, found " + found);
        }
        Field field = new Field(text, text.toCharArray(), starts, columns);
        try {
            Instant openTime = field.time(0);
            Instant closeTime = field.time(6);
            if (!closeTime.isAfter(openTime)) {
                return reject(
                        RejectionReason.BAD_TIMESTAMP,
                        "close_time " + closeTime + " is not after open_time " + openTime);
            }
            return new ParseResult.Parsed(new Candle(
                    series.symbol(),
                    series.interval(),
                    openTime,
                    closeTime,
                    field.price(1),
                    field.price(2),
                    field.price(3),
                    field.price(4),
                    field.amount(5),
                    field.amount(7),
                    field.count(8),
                    field.amount(9),
                    field.amount(10)));
        } catch (FieldRejected e) {
            return e.rejection;
        }
    }

    private static String stripByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }

    private static ParseResult.Rejected reject(RejectionReason reason, String detail) {
        return new ParseResult.Rejected(reason, detail);
    }

    /**
     * Column access that turns the first bad value into a rejection naming the column and the value. Each column is
     * the range between {@code starts[i]} and the next comma, trimmed like {@link String#trim()}.
     */
    private record Field(String line, char[] chars, int[] starts, int columns) {

        private int begin(int index) {
            int begin = starts[index];
            int end = rawEnd(index);
            while (begin < end && chars[begin] <= ' ') {
                begin++;
            }
            return begin;
        }

        private int end(int index) {
            int begin = starts[index];
            int end = rawEnd(index);
            while (end > begin && chars[end - 1] <= ' ') {
                end--;
            }
            return end;
        }

        private int rawEnd(int index) {
            return index + 1 < columns ? starts[index + 1] - 1 : chars.length;
        }

        /** The trimmed text of a column: only built for the rare line that is rejected or needs a closer look. */
        private String text(int index) {
            return line.substring(begin(index), end(index));
        }

        Instant time(int index) {
            long value;
            try {
                value = Long.parseLong(line, begin(index), end(index), 10);
            } catch (NumberFormatException e) {
                throw rejected(
                        RejectionReason.BAD_TIMESTAMP, index, "is not an epoch-millisecond integer", text(index));
            }
            if (value < 0) {
                throw rejected(RejectionReason.BAD_TIMESTAMP, index, "is negative", text(index));
            }
            if (value < MILLIS_BELOW) {
                return Instant.ofEpochMilli(value);
            }
            // Binance's spot data dumps switched to epoch microseconds in 2025; the values cannot be confused
            // with milliseconds, which stay below 10^13 until the year 2286.
            if (value >= MICROS_FROM && value < MICROS_BELOW) {
                return Instant.ofEpochMilli(value / 1_000);
            }
            throw rejected(
                    RejectionReason.BAD_TIMESTAMP,
                    index,
                    "is neither epoch milliseconds nor microseconds",
                    text(index));
        }

        BigDecimal price(int index) {
            BigDecimal value = decimal(index);
            if (value.signum() < 0) {
                throw rejected(RejectionReason.NEGATIVE_VALUE, index, "is negative", text(index));
            }
            if (value.signum() == 0) {
                throw rejected(RejectionReason.ZERO_PRICE, index, "is zero", text(index));
            }
            return value;
        }

        BigDecimal amount(int index) {
            BigDecimal value = decimal(index);
            if (value.signum() < 0) {
                throw rejected(RejectionReason.NEGATIVE_VALUE, index, "is negative", text(index));
            }
            return value;
        }

        long count(int index) {
            long value;
            try {
                value = Long.parseLong(line, begin(index), end(index), 10);
            } catch (NumberFormatException e) {
                throw rejected(RejectionReason.NOT_A_NUMBER, index, "is not a whole number", text(index));
            }
            if (value < 0) {
                throw rejected(RejectionReason.NEGATIVE_VALUE, index, "is negative", text(index));
            }
            return value;
        }

        private BigDecimal decimal(int index) {
            int begin = begin(index);
            int end = end(index);
            if (mayBeNonFinite(chars, begin, end)
                    && NON_FINITE.matcher(text(index)).matches()) {
                throw rejected(RejectionReason.NOT_FINITE, index, "is not a finite number", text(index));
            }
            BigDecimal value;
            try {
                if (begin == end) {
                    throw new NumberFormatException("empty");
                }
                value = new BigDecimal(chars, begin, end - begin);
            } catch (NumberFormatException e) {
                throw rejected(RejectionReason.NOT_A_NUMBER, index, "is not a decimal number", text(index));
            }
            if (value.scale() > MAX_DECIMALS || (long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
                throw rejected(
                        RejectionReason.OUT_OF_RANGE,
                        index,
                        "has more than " + MAX_DECIMALS + " decimals or " + MAX_INTEGER_DIGITS + " integer digits",
                        text(index));
            }
            return value;
        }

        /**
         * NaN, Inf and Infinity all hold an n: a plain decimal never does, so the regular expression (and its
         * matcher, nine per line) is only needed for the rare text that does.
         */
        private static boolean mayBeNonFinite(char[] chars, int begin, int end) {
            for (int i = begin; i < end; i++) {
                if (chars[i] == 'n' || chars[i] == 'N') {
                    return true;
                }
            }
            return false;
        }

        private static FieldRejected rejected(RejectionReason reason, int index, String problem, String text) {
            String shown = text.length() <= 40 ? text : text.substring(0, 40) + "...";
            return new FieldRejected(reject(reason, NAMES[index] + " " + problem + ": '" + shown + "'"));
        }
    }

    /** Internal control flow only: never leaves {@link #parse(String)}. */
    private static final class FieldRejected extends RuntimeException {

        private final ParseResult.Rejected rejection;

        FieldRejected(ParseResult.Rejected rejection) {
            super(rejection.detail(), null, false, false);
            this.rejection = rejection;
        }
    }
}
