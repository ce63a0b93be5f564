package dev.peregrine.signal.domain.pattern;

import java.util.Locale;

/** Number formatting for explanations: locale-independent so the same pattern always reads the same. */
final class Format {

    private Format() {}

    static String price(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * fraction);
    }
}
