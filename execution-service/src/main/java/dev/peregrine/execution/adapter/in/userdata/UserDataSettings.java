package dev.peregrine.execution.adapter.in.userdata;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the user data stream connects and stays connected.
 *
 * @param wsApiUrl       the WebSocket API, e.g. wss://ws-api.binance.com:443/ws-api/v3
 * @param recvWindow     how long after its timestamp the signed subscription is valid
 * @param reconnectAfter a connection is replaced after this long (Binance closes it at 24 h), e.g. 23 h
 * @param pingEvery      how often the connection is pinged and checked for silence
 * @param silenceTimeout nothing heard for this long (no event, no answer, no ping or pong), or no answer to the
 *                       subscription for this long, and the connection is replaced
 * @param firstRetry     the first wait after a failed connection or subscription; it doubles each time
 * @param maxRetry       the longest wait; a connection that lived this long after subscribing is replaced at once
 * @param connectTimeout how long the opening handshake may take
 */
public record UserDataSettings(
        URI wsApiUrl,
        Duration recvWindow,
        Duration reconnectAfter,
        Duration pingEvery,
        Duration silenceTimeout,
        Duration firstRetry,
        Duration maxRetry,
        Duration connectTimeout) {

    public UserDataSettings {
        Objects.requireNonNull(wsApiUrl, "wsApiUrl");
        if (!"wss".equals(wsApiUrl.getScheme()) && !"ws".equals(wsApiUrl.getScheme())) {
            throw new IllegalArgumentException("the WebSocket API's URL must be wss:// (or ws://), was " + wsApiUrl);
        }
        for (Duration duration : new Duration[] {
            recvWindow, reconnectAfter, pingEvery, silenceTimeout, firstRetry, maxRetry, connectTimeout
        }) {
            if (duration == null || !duration.isPositive()) {
                throw new IllegalArgumentException("the user data stream's durations must be positive: " + duration);
            }
        }
        if (silenceTimeout.compareTo(pingEvery) <= 0) {
            throw new IllegalArgumentException(
                    "silence-timeout (" + silenceTimeout + ") must be longer than ping-every (" + pingEvery
                            + "), or every quiet connection would be replaced");
        }
        if (maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException(
                    "max-retry (" + maxRetry + ") must not be shorter than first-retry (" + firstRetry + ")");
        }
    }

    /** Binance's limits with margins: replaced after 23 h, pinged every 20 s, silent after 60 s, retries 1 s..60 s. */
    public static UserDataSettings defaults(URI wsApiUrl, Duration recvWindow) {
        return new UserDataSettings(
                wsApiUrl,
                recvWindow,
                Duration.ofHours(23),
                Duration.ofSeconds(20),
                Duration.ofSeconds(60),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10));
    }
}
