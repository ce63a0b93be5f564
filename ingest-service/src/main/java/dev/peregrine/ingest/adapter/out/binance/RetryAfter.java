package dev.peregrine.ingest.adapter.out.binance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a 429 or 418 answer says to wait: its {@code Retry-After} header (seconds, or an HTTP date), and for a
 * ban also the end Binance names in the message ({@code IP banned until 1700000000000}), whichever is later; without
 * either, the configured default.
 */
final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,10}");
    private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,16})");

    private RetryAfter() {}

    static Duration of(Optional<String> header, String body, Instant now, Duration fallback) {
        Optional<Duration> fromHeader = header.map(String::trim).flatMap(value -> parseHeader(value, now));
        Optional<Duration> fromBody = bannedUntil(body).map(until -> Duration.between(now, until));
        Duration wait = fromHeader.orElse(Duration.ZERO);
        if (fromBody.isPresent() && fromBody.get().compareTo(wait) > 0) {
            wait = fromBody.get();
        }
        if (fromHeader.isEmpty() && fromBody.isEmpty()) {
            return fallback;
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Optional<Duration> parseHeader(String value, Instant now) {
        if (SECONDS.matcher(value).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            return Optional.of(Duration.between(
                    now,
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> bannedUntil(String body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher matcher = BANNED_UNTIL.matcher(body);
        return matcher.find() ? Optional.of(Instant.ofEpochMilli(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }
}
