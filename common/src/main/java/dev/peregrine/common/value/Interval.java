package dev.peregrine.common.value;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A Binance kline interval with fixed length. Serialised with Binance's code ({@code 15m}). */
public enum Interval {
    ONE_SECOND("1s", Duration.ofSeconds(1)),
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    THREE_MINUTES("3m", Duration.ofMinutes(3)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
    THIRTY_MINUTES("30m", Duration.ofMinutes(30)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    TWO_HOURS("2h", Duration.ofHours(2)),
    FOUR_HOURS("4h", Duration.ofHours(4)),
    SIX_HOURS("6h", Duration.ofHours(6)),
    EIGHT_HOURS("8h", Duration.ofHours(8)),
    TWELVE_HOURS("12h", Duration.ofHours(12)),
    ONE_DAY("1d", Duration.ofDays(1)),
    THREE_DAYS("3d", Duration.ofDays(3)),
    ONE_WEEK("1w", Duration.ofDays(7));

    private final String code;
    private final Duration length;

    Interval(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public Duration length() {
        return length;
    }

    public long millis() {
        return length.toMillis();
    }

    @JsonCreator
    public static Interval fromCode(String code) {
        for (Interval interval : values()) {
            if (interval.code.equals(code)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown interval '" + code + "'; expected one of "
                + Arrays.stream(values()).map(Interval::code).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return code;
    }
}
