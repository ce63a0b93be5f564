package dev.peregrine.common.event;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A machine-readable reason ({@code code}, upper snake case, stable for dashboards and alerts) with a
 * human-readable detail.
 */
public record Reason(String code, String detail) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("reason code must be UPPER_SNAKE_CASE: '" + code + "'");
        }
    }

    public static Reason of(String code, String detail) {
        return new Reason(code, detail);
    }
}
