package dev.peregrine.backtest.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** How the report prints numbers and times: fixed decimals, a dot as separator whatever the machine's locale. */
final class Format {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Format() {}

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100.0);
    }

    static String percent(OptionalDouble fraction) {
        return fraction.isPresent() ? percent(fraction.getAsDouble()) : "n/a";
    }

    static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "n/a";
    }

    /** A plain figure with {@code digits} decimals; "n/a" when there is none (null or not a number). */
    static String fixed(Double value, int digits) {
        return value == null || value.isNaN() ? "n/a" : String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String time(Instant time) {
        return MINUTE.format(time);
    }
}
