package dev.peregrine.exchangesim;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The kline intervals Binance accepts, spelled exactly as on the wire (case matters: {@code 1m} vs {@code 1M}). */
public enum KlineInterval {
    S1("1s", Duration.ofSeconds(1)),
    M1("1m", Duration.ofMinutes(1)),
    M3("3m", Duration.ofMinutes(3)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    M30("30m", Duration.ofMinutes(30)),
    H1("1h", Duration.ofHours(1)),
    H2("2h", Duration.ofHours(2)),
    H4("4h", Duration.ofHours(4)),
    H6("6h", Duration.ofHours(6)),
    H8("8h", Duration.ofHours(8)),
    H12("12h", Duration.ofHours(12)),
    D1("1d", Duration.ofDays(1)),
    D3("3d", Duration.ofDays(3)),
    W1("1w", Duration.ofDays(7)),
    /** Calendar months differ in length, so this one has no fixed length. */
    MONTH1("1M", null);

    private final String code;
    private final Duration length;

    KlineInterval(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    /** The length of one kline; empty for {@code 1M}, whose length depends on the month. */
    public Optional<Duration> fixedLength() {
        return Optional.ofNullable(length);
    }

    /** The wire spelling, e.g. {@code 15m}. */
    public String code() {
        return code;
    }

    /** The interval for a wire spelling; empty for anything Binance would answer with -1120 (Invalid interval). */
    public static Optional<KlineInterval> fromCode(String code) {
        return Arrays.stream(values())
                .filter(interval -> interval.code.equals(code))
                .findFirst();
    }

    /** Like {@link #fromCode(String)} but for configuration, where an unknown spelling is a mistake to report. */
    public static KlineInterval of(String code) {
        return fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException("unknown kline interval '" + code + "'; use one of "
                        + Arrays.stream(values()).map(KlineInterval::code).toList()));
    }

    @Override
    public String toString() {
        return code;
    }
}
