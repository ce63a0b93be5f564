package dev.peregrine.execution.adapter.out.binance;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the REST client talks to Binance. {@code recvWindow}: how long after its timestamp a signed request
 * is valid (Binance: default 5000 ms, at most 60000 ms). {@code readTimeout}: how long to wait for an answer before the
 * call is Unknown. {@code keepAlive}: how long an idle connection is kept for reuse.
 */
public record BinanceRestSettings(
        String baseUrl, Duration recvWindow, Duration connectTimeout, Duration readTimeout, Duration keepAlive) {

    public static final Duration MAX_RECV_WINDOW = Duration.ofMillis(60_000);

    public BinanceRestSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        requirePositive(recvWindow, "recvWindow");
        if (recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
            throw new IllegalArgumentException("recvWindow cannot exceed 60000 ms (Binance refuses it): " + recvWindow);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(keepAlive, "keepAlive");
    }

    /** recvWindow 5 s, connect 5 s, read 10 s, keep-alive 30 s. */
    public static BinanceRestSettings defaults(String baseUrl) {
        return new BinanceRestSettings(
                baseUrl,
                Duration.ofMillis(5000),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    public BinanceRestSettings withRecvWindow(Duration value) {
        return new BinanceRestSettings(baseUrl, value, connectTimeout, readTimeout, keepAlive);
    }

    public BinanceRestSettings withReadTimeout(Duration value) {
        return new BinanceRestSettings(baseUrl, recvWindow, connectTimeout, value, keepAlive);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
