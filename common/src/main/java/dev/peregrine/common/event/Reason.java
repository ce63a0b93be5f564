package dev.peregrine.common.event;

import java.util.Objects;

/**
 * A machine-readable reason ({@code code}, upper snake case, stable for dashboards and alerts) with a
 * human-readable detail.
 */
public record Reason(String code, String detail) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        if (!isCode(code)) {
            throw new IllegalArgumentException("reason code must be UPPER_SNAKE_CASE: '" + code + "'");
        }
    }

    public static Reason of(String code, String detail) {
        return new Reason(code, detail);
    }

    /**
     * Whether {@code text} is a valid code, {@code [A-Z][A-Z0-9_]{1,63}}: checked without a regex, since the
     * backtest builds several reasons per candle and the matcher was a visible share of its time.
     */
    public static boolean isCode(String text) {
        int length = text.length();
        if (length < 2 || length > 64 || text.charAt(0) < 'A' || text.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
