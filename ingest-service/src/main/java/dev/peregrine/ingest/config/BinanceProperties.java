package dev.peregrine.ingest.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;

/**
 * {@code peregrine.ingest.binance}: the live feed (docs/ingest.md, "Live Binance streams and REST backfill").
 *
 * @param enabled                   connect to Binance at start-up
 * @param restBaseUrl               REST API, e.g. https://api.binance.com
 * @param wsBaseUrl                 market streams, e.g. wss://stream.binance.com:9443
 * @param symbols                   symbols to subscribe to (an unknown one is logged and skipped)
 * @param intervals                 kline intervals per symbol
 * @param streams                   stream types per symbol: kline, aggTrade, bookTicker
 * @param maxStreamsPerConnection   streams per WebSocket connection (Binance allows 1024)
 * @param connectSpacing            wait between opening one connection and the next at start-up
 * @param plannedReconnect          connection age at which it is replaced (Binance cuts connections at 24 h)
 * @param reconnectInitialBackoff   wait before the first reconnect after a drop (doubled per failed attempt)
 * @param reconnectMaxBackoff       longest wait between reconnect attempts
 * @param reconnectJitter           share of each wait taken off at random, 0 to 1
 * @param backfillDepth             candles per series read at start-up when it has no published history
 * @param instrumentRefresh         how often exchangeInfo is read again
 * @param readinessGrace            how long a connection may be down before readiness goes DOWN
 * @param heartbeat                 how often STALE_STREAM is judged and unacknowledged events are retried
 * @param maxQueuedMessages         stream messages that may wait for the feed thread; beyond that the connection
 *                                  overflows: it is closed and reconnected, and the backfill brings what it missed
 * @param silenceTimeout            a connection without a message for this long is taken for dead, closed and
 *                                  reconnected (with a backfill); 0 never
 * @param rest                      REST limits and resilience
 */
public record BinanceProperties(
        boolean enabled,

        @NotNull(message = REST_URL_MESSAGE) @Pattern(regexp = "https?://\\S+", message = REST_URL_MESSAGE)
        String restBaseUrl,

        @NotNull(message = WS_URL_MESSAGE) @Pattern(regexp = "wss?://\\S+", message = WS_URL_MESSAGE)
        String wsBaseUrl,

        @NotNull(message = SYMBOLS_MESSAGE)
        List<@Pattern(regexp = "[A-Za-z0-9]{2,20}", message = SYMBOLS_MESSAGE) String> symbols,

        @NotNull(message = INTERVALS_MESSAGE) @NotEmpty(message = INTERVALS_MESSAGE)
        List<@Pattern(regexp = INTERVAL_CODES, message = INTERVALS_MESSAGE) String> intervals,

        @NotNull(message = STREAMS_MESSAGE) @NotEmpty(message = STREAMS_MESSAGE)
        List<@Pattern(regexp = "kline|aggTrade|bookTicker", message = STREAMS_MESSAGE) String> streams,

        @Min(value = 1, message = MAX_STREAMS_MESSAGE) @Max(value = 1024, message = MAX_STREAMS_MESSAGE)
        int maxStreamsPerConnection,

        @NotNull(message = "peregrine.ingest.binance.connect-spacing must be set, e.g. 250ms")
        Duration connectSpacing,

        @NotNull(message = PLANNED_MESSAGE) Duration plannedReconnect,
        @NotNull(message = BACKOFF_MESSAGE) Duration reconnectInitialBackoff,
        @NotNull(message = BACKOFF_MESSAGE) Duration reconnectMaxBackoff,

        @DecimalMin(value = "0", message = JITTER_MESSAGE) @DecimalMax(value = "1", message = JITTER_MESSAGE)
        double reconnectJitter,

        @Min(value = 0, message = DEPTH_MESSAGE) @Max(value = 100_000, message = DEPTH_MESSAGE)
        int backfillDepth,

        @NotNull(message = REFRESH_MESSAGE) Duration instrumentRefresh,
        @NotNull(message = GRACE_MESSAGE) Duration readinessGrace,
        @NotNull(message = HEARTBEAT_MESSAGE) Duration heartbeat,

        @Min(value = 100, message = QUEUE_MESSAGE) @Max(value = 1_000_000, message = QUEUE_MESSAGE)
        int maxQueuedMessages,

        @NotNull(message = SILENCE_MESSAGE) Duration silenceTimeout,

        @Valid @NotNull(message = "peregrine.ingest.binance.rest must be present (see ingest-service.yml)")
        BinanceRestProperties rest) {

    private static final String REST_URL_MESSAGE =
            "peregrine.ingest.binance.rest-base-url must be an http(s) URL " + "such as https://api.binance.com";
    private static final String WS_URL_MESSAGE =
            "peregrine.ingest.binance.ws-base-url must be a ws(s) URL such " + "as wss://stream.binance.com:9443";
    private static final String SYMBOLS_MESSAGE =
            "peregrine.ingest.binance.symbols must list Binance symbols such " + "as BTCUSDT,ETHUSDT";
    private static final String INTERVAL_CODES = "1s|1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w";
    private static final String INTERVALS_MESSAGE = "peregrine.ingest.binance.intervals must list Binance interval "
            + "codes (1m, 5m, 15m, 1h, 4h, 1d, ...), e.g. 1m";
    private static final String STREAMS_MESSAGE = "peregrine.ingest.binance.streams must list stream types out of "
            + "kline, aggTrade and bookTicker, e.g. kline,aggTrade,bookTicker";
    private static final String MAX_STREAMS_MESSAGE = "peregrine.ingest.binance.max-streams-per-connection must be "
            + "between 1 and 1024 (Binance's limit per connection)";
    private static final String PLANNED_MESSAGE = "peregrine.ingest.binance.planned-reconnect must be between 1m "
            + "and 23h59m: Binance closes connections after 24 hours, e.g. 23h";
    private static final String BACKOFF_MESSAGE = "peregrine.ingest.binance.reconnect-initial-backoff and "
            + "reconnect-max-backoff must be positive with initial <= max, e.g. 1s and 60s";
    private static final String JITTER_MESSAGE = "peregrine.ingest.binance.reconnect-jitter must be between 0 and 1 "
            + "(share of the back-off taken off at random), e.g. 0.5";
    private static final String DEPTH_MESSAGE = "peregrine.ingest.binance.backfill-depth must be between 0 and "
            + "100000 (candles per series read at start-up without history), e.g. 500";
    private static final String REFRESH_MESSAGE =
            "peregrine.ingest.binance.instrument-refresh must be at least 1m, " + "e.g. 1h";
    private static final String GRACE_MESSAGE = "peregrine.ingest.binance.readiness-grace must be positive, e.g. 30s";
    private static final String HEARTBEAT_MESSAGE =
            "peregrine.ingest.binance.heartbeat must be between 100ms and " + "1m, e.g. 1s";
    private static final String QUEUE_MESSAGE = "peregrine.ingest.binance.max-queued-messages must be between 100 "
            + "and 1000000 (stream messages waiting for the feed thread before the connection overflows), "
            + "e.g. 10000";
    private static final String SILENCE_MESSAGE = "peregrine.ingest.binance.silence-timeout must be 0 (never) or "
            + "between 5s and 10m (a connection without a message for this long is reconnected), e.g. 30s";
    private static final String SYMBOLS_REQUIRED = "peregrine.ingest.binance.symbols must name at least one symbol "
            + "when peregrine.ingest.binance.enabled is true, e.g. BTCUSDT,ETHUSDT";

    @AssertTrue(message = SILENCE_MESSAGE)
    public boolean isSilenceTimeoutZeroOrInRange() {
        return silenceTimeout == null
                || silenceTimeout.isZero()
                || silenceTimeout.compareTo(Duration.ofSeconds(5)) >= 0
                        && silenceTimeout.compareTo(Duration.ofMinutes(10)) <= 0;
    }

    @AssertTrue(message = PLANNED_MESSAGE)
    public boolean isPlannedReconnectBeforeTheCutOff() {
        return plannedReconnect == null
                || plannedReconnect.compareTo(Duration.ofMinutes(1)) >= 0
                        && plannedReconnect.compareTo(Duration.ofHours(24)) < 0;
    }

    @AssertTrue(message = BACKOFF_MESSAGE)
    public boolean isBackoffOrdered() {
        return reconnectInitialBackoff == null
                || reconnectMaxBackoff == null
                || reconnectInitialBackoff.isPositive() && reconnectMaxBackoff.compareTo(reconnectInitialBackoff) >= 0;
    }

    @AssertTrue(message = REFRESH_MESSAGE)
    public boolean isInstrumentRefreshAtLeastAMinute() {
        return instrumentRefresh == null || instrumentRefresh.compareTo(Duration.ofMinutes(1)) >= 0;
    }

    @AssertTrue(message = GRACE_MESSAGE)
    public boolean isReadinessGracePositive() {
        return readinessGrace == null || readinessGrace.isPositive();
    }

    @AssertTrue(message = HEARTBEAT_MESSAGE)
    public boolean isHeartbeatReasonable() {
        return heartbeat == null
                || heartbeat.compareTo(Duration.ofMillis(100)) >= 0 && heartbeat.compareTo(Duration.ofMinutes(1)) <= 0;
    }

    @AssertTrue(message = "peregrine.ingest.binance.connect-spacing cannot be negative, e.g. 250ms")
    public boolean isConnectSpacingNotNegative() {
        return connectSpacing == null || !connectSpacing.isNegative();
    }

    @AssertTrue(message = SYMBOLS_REQUIRED)
    public boolean isSymbolGivenWhenEnabled() {
        return !enabled || symbols != null && symbols.stream().anyMatch(s -> s != null && !s.isBlank());
    }
}
