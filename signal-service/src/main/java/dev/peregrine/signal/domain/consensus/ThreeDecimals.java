package dev.peregrine.signal.domain.consensus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * {@code String.format(Locale.ROOT, "%.3f", value)} without the Formatter, which parsed the pattern on every call
 * and was the debate texts' largest cost in the backtest. Same text byte for byte: the Formatter rounds the
 * shortest decimal of the double ({@link Double#toString}) half up, and writes the sign of any negative value,
 * -0.0 included.
 */
final class ThreeDecimals {

    private ThreeDecimals() {}

    static String of(double value) {
        if (!Double.isFinite(value)) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        String digits = new BigDecimal(Double.toString(Math.abs(value)))
                .setScale(3, RoundingMode.HALF_UP)
                .toPlainString();
        return Double.compare(value, 0.0) < 0 ? "-" + digits : digits;
    }
}
