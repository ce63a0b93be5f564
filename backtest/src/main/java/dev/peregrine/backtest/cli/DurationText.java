package dev.peregrine.backtest.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration as a configuration file writes it: {@code 90s}, {@code 15m}, {@code 4h}, {@code 3d} or ISO-8601. */
final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {}

    static Duration parse(String text) {
        Matcher m = SHORT.matcher(text);
        if (!m.matches()) {
            return Duration.parse(text);
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
