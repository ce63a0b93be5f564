package dev.peregrine.ingest.config;

import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ingest's configuration ({@code peregrine.ingest.*}); defaults in {@code ingest-service.yml}.
 *
 * @param replay      the file replayed at start-up
 * @param quality     the data-quality rules: each can be switched off, the stateful ones have thresholds
 * @param binance     the live Binance streams and REST backfill
 * @param retention   how long stored rows are kept
 * @param instruments where replays take their trading rules from
 */
@Validated
@ConfigurationProperties("peregrine.ingest")
public record IngestProperties(
        @Valid @NotNull(message = "peregrine.ingest.replay must be present (see ingest-service.yml)") Replay replay,
        @Valid @NotNull(message = "peregrine.ingest.quality must be present (see ingest-service.yml)") Quality quality,
        @Valid @NotNull(message = "peregrine.ingest.binance must be present (see ingest-service.yml)") Binance binance,
        @Valid @NotNull(message = "peregrine.ingest.retention must be present (see ingest-service.yml)")
                Retention retention,
        @Valid @NotNull(message = "peregrine.ingest.instruments must be present (see ingest-service.yml)")
                Instruments instruments) {

    /** The snapshot property's name, for messages that tell how to fix a snapshot that cannot be used. */
    public static final String SNAPSHOT_PROPERTY = "peregrine.ingest.instruments.snapshot";

    /**
     * Trading rules for replays (docs/ingest.md, "Instruments in replays"). The live feed reads them from Binance's
     * exchangeInfo instead, and then replays leave them alone.
     *
     * @param snapshot an exchangeInfo snapshot in Binance's own {@code GET /api/v3/exchangeInfo} format,
     *                 {@code classpath:<resource>} or a file path; each replay syncs its symbols from it before its
     *                 first candle. Empty: replays publish no instruments (env PEREGRINE_INGEST_INSTRUMENTS_SNAPSHOT)
     */
    public record Instruments(String snapshot) {

        /** Whether replays sync instruments from a snapshot. */
        public boolean snapshotGiven() {
            return snapshot != null && !snapshot.isBlank();
        }
    }

    /**
     * @param file      kline CSV file or WebSocket capture (plain or .gz) to replay once the service is up; empty
     *                  for none (env PEREGRINE_INGEST_REPLAY_FILE)
     * @param format    klines-csv or ws-capture; empty to tell by the file's name, else its first line
     * @param speed     0 = as fast as possible, N = N times real time
     * @param symbol    symbol of a kline file's candles when its name is not SYMBOL-INTERVAL.csv[.gz]; empty to read
     *                  the name
     * @param interval  interval of a kline file's candles (Binance code), same reason; empty to read the name
     * @param batchSize at speed 0, how many lines are stored and published together, waiting once for the
     *                  broker instead of once per candle; a paced replay publishes candle by candle regardless
     * @param batchesInFlight at speed 0, how many stored batches may wait for or be in the hands of the publishing
     *                  thread while the replay thread stores the next; it waits beyond that (back-pressure)
     * @param allowedDirectories the directories replays may read below (relative ones from the working directory);
     *                  the configured {@code file} may lie elsewhere (env PEREGRINE_INGEST_REPLAY_ALLOWED_DIRECTORIES)
     * @param maxFileSize the largest replay file, on disk and once decompressed
     * @param maxLineLength the longest line read, in characters; a longer line is rejected (LINE_TOO_LONG)
     */
    public record Replay(
            String file,
            @Pattern(regexp = "|klines-csv|ws-capture", message = "peregrine.ingest.replay.format must be klines-csv, "
                    + "ws-capture, or empty to tell by the file") String format,
            @PositiveOrZero(message = "peregrine.ingest.replay.speed must be 0 (as fast as possible) or a positive "
                    + "factor of real time, e.g. 60") int speed,
            @Pattern(regexp = "|[A-Za-z0-9]{2,20}", message = "peregrine.ingest.replay.symbol must be a Binance symbol "
                    + "such as BTCUSDT, or empty to take it from the file name") String symbol,
            @Pattern(regexp = "|1s|1m|3m|5m|15m|30m|1h|2h|4h|6h|8h|12h|1d|3d|1w", message = "peregrine.ingest.replay."
                    + "interval must be a Binance interval code (1m, 5m, 15m, 1h, 4h, 1d, ...), or empty to take it "
                    + "from the file name") String interval,
            @Min(value = 1, message = BATCH_SIZE_MESSAGE)
                    @Max(value = 10_000, message = BATCH_SIZE_MESSAGE) int batchSize,
            @Min(value = 1, message = IN_FLIGHT_MESSAGE)
                    @Max(value = 16, message = IN_FLIGHT_MESSAGE) int batchesInFlight,
            @NotNull(message = ALLOWED_MESSAGE) List<String> allowedDirectories,
            @NotNull(message = MAX_FILE_SIZE_MESSAGE) DataSize maxFileSize,
            @Min(value = 256, message = MAX_LINE_MESSAGE) @Max(value = 67_108_864, message = MAX_LINE_MESSAGE)
            int maxLineLength) {

        private static final String BATCH_SIZE_MESSAGE = "peregrine.ingest.replay.batch-size must be between 1 and "
                + "10000 (lines published per broker round trip at speed 0), e.g. 100";
        private static final String IN_FLIGHT_MESSAGE = "peregrine.ingest.replay.batches-in-flight must be between 1 "
                + "and 16 (stored batches handed to the publishing thread and not yet acknowledged), e.g. 2";
        private static final String ALLOWED_MESSAGE = "peregrine.ingest.replay.allowed-directories must list the "
                + "directories replays may read below, comma-separated (empty for none), e.g. ../shared/data";
        private static final String MAX_FILE_SIZE_MESSAGE = "peregrine.ingest.replay.max-file-size must be between 1KB "
                + "and 1TB (the largest replay file, on disk and once decompressed), e.g. 2GB";
        private static final String MAX_LINE_MESSAGE = "peregrine.ingest.replay.max-line-length must be between 256 "
                + "and 67108864 (characters of the longest line read), e.g. 1048576";

        @AssertTrue(message = MAX_FILE_SIZE_MESSAGE)
        public boolean isMaxFileSizeInRange() {
            return maxFileSize == null || (maxFileSize.toBytes() >= 1024
                    && maxFileSize.toBytes() <= DataSize.ofTerabytes(1).toBytes());
        }
    }

    /** One block per rule, named after it ({@code OFF_GRID} is {@code off-grid}). See docs/ingest.md. */
    public record Quality(
            @Valid @NotNull(message = "peregrine.ingest.quality.malformed-record must be present") Rule malformedRecord,
            @Valid @NotNull(message = "peregrine.ingest.quality.bad-number must be present") Rule badNumber,
            @Valid @NotNull(message = "peregrine.ingest.quality.ohlc-inconsistent must be present")
                    Rule ohlcInconsistent,
            @Valid @NotNull(message = "peregrine.ingest.quality.volume-inconsistent must be present")
                    Rule volumeInconsistent,
            @Valid @NotNull(message = "peregrine.ingest.quality.off-grid must be present") Rule offGrid,
            @Valid @NotNull(message = "peregrine.ingest.quality.duplicate must be present") Rule duplicate,
            @Valid @NotNull(message = "peregrine.ingest.quality.out-of-order must be present") Rule outOfOrder,
            @Valid @NotNull(message = "peregrine.ingest.quality.gap must be present") Rule gap,
            @Valid @NotNull(message = "peregrine.ingest.quality.stale-stream must be present") StaleStream staleStream,
            @Valid @NotNull(message = "peregrine.ingest.quality.price-jump must be present") PriceJump priceJump,
            @Valid @NotNull(message = "peregrine.ingest.quality.kline-close-vs-last-trade must be present")
            KlineCloseVsLastTrade klineCloseVsLastTrade) {

        /** The domain's settings; call only on validated properties. */
        public QualitySettings toSettings() {
            Set<QualityRule> enabled = EnumSet.noneOf(QualityRule.class);
            enable(enabled, QualityRule.MALFORMED_RECORD, malformedRecord.enabled());
            enable(enabled, QualityRule.BAD_NUMBER, badNumber.enabled());
            enable(enabled, QualityRule.OHLC_INCONSISTENT, ohlcInconsistent.enabled());
            enable(enabled, QualityRule.VOLUME_INCONSISTENT, volumeInconsistent.enabled());
            enable(enabled, QualityRule.OFF_GRID, offGrid.enabled());
            enable(enabled, QualityRule.DUPLICATE, duplicate.enabled());
            enable(enabled, QualityRule.OUT_OF_ORDER, outOfOrder.enabled());
            enable(enabled, QualityRule.GAP, gap.enabled());
            enable(enabled, QualityRule.STALE_STREAM, staleStream.enabled());
            enable(enabled, QualityRule.PRICE_JUMP, priceJump.enabled());
            enable(enabled, QualityRule.KLINE_CLOSE_VS_LAST_TRADE, klineCloseVsLastTrade.enabled());
            return new QualitySettings(enabled, new QualitySettings.StaleStream(staleStream.intervals()),
                    new QualitySettings.PriceJump(priceJump.window(), priceJump.warmUp(), priceJump.k(),
                            priceJump.minJumpBps()),
                    new QualitySettings.LastTrade(klineCloseVsLastTrade.toleranceBps(),
                            klineCloseVsLastTrade.tradeHistory()));
        }

        private static void enable(Set<QualityRule> enabled, QualityRule rule, boolean on) {
            if (on) {
                enabled.add(rule);
            }
        }
    }

    public record Rule(boolean enabled) {
    }

    /** @param intervals a series is stale after more than this many of its intervals without an update */
    public record StaleStream(
            boolean enabled,
            @Min(value = 1, message = STALE_MESSAGE) @Max(value = 1000, message = STALE_MESSAGE) int intervals) {

        private static final String STALE_MESSAGE = "peregrine.ingest.quality.stale-stream.intervals must be between 1 "
                + "and 1000 (intervals without an update before a series is stale), e.g. 3";
    }

    /**
     * @param window       log returns the median absolute deviation is taken over
     * @param warmUp       returns a series needs before it is judged; at most the window
     * @param k            robust standard deviations (1.4826 x MAD) a return may reach
     * @param minJumpBps   floor of the bound in basis points, so that a series of mostly unchanged closes is not
     *                     flagged on every tick
     */
    public record PriceJump(
            boolean enabled,
            @Min(value = 2, message = WINDOW_MESSAGE) @Max(value = 10_000, message = WINDOW_MESSAGE) int window,
            @Min(value = 2, message = WARM_UP_MESSAGE) int warmUp,
            @DecimalMin(value = "1", message = K_MESSAGE) @DecimalMax(value = "1000", message = K_MESSAGE) double k,
            @DecimalMin(value = "0", message = MIN_JUMP_MESSAGE)
                    @DecimalMax(value = "10000", message = MIN_JUMP_MESSAGE)
            double minJumpBps) {

        private static final String WINDOW_MESSAGE = "peregrine.ingest.quality.price-jump.window must be between 2 and "
                + "10000 (log returns in the rolling window), e.g. 100";
        private static final String WARM_UP_MESSAGE = "peregrine.ingest.quality.price-jump.warm-up must be at least 2 "
                + "and at most the window (returns seen before a series is judged), e.g. 100";
        private static final String K_MESSAGE = "peregrine.ingest.quality.price-jump.k must be between 1 and 1000 "
                + "(robust standard deviations a return may reach), e.g. 10";
        private static final String MIN_JUMP_MESSAGE = "peregrine.ingest.quality.price-jump.min-jump-bps must be "
                + "between 0 and 10000 (basis points of log return never flagged), e.g. 10";

        @AssertTrue(message = WARM_UP_MESSAGE)
        public boolean isWarmUpWithinWindow() {
            return warmUp <= window;
        }
    }

    /**
     * @param toleranceBps how far the kline close may be from the last trade, in basis points of the trade price
     * @param tradeHistory trades kept per symbol to find the last one at or before a close time
     */
    public record KlineCloseVsLastTrade(
            boolean enabled,
            @NotNull(message = TOLERANCE_MESSAGE) @DecimalMin(value = "0", message = TOLERANCE_MESSAGE)
            @DecimalMax(value = "1000", message = TOLERANCE_MESSAGE) BigDecimal toleranceBps,
            @Min(value = 1, message = HISTORY_MESSAGE) @Max(value = 1_000_000,
                    message = HISTORY_MESSAGE) int tradeHistory) {

        private static final String TOLERANCE_MESSAGE = "peregrine.ingest.quality.kline-close-vs-last-trade."
                + "tolerance-bps must be between 0 and 1000 (basis points the close may be off the last trade), e.g. 1";
        private static final String HISTORY_MESSAGE = "peregrine.ingest.quality.kline-close-vs-last-trade."
                + "trade-history must be between 1 and 1000000 (trades kept per symbol), e.g. 10000";
    }

    /**
     * The live feed (docs/ingest.md, "Live Binance streams and REST backfill").
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
    public record Binance(
            boolean enabled,
            @NotNull(message = REST_URL_MESSAGE) @Pattern(regexp = "https?://\\S+",
                    message = REST_URL_MESSAGE) String restBaseUrl,
            @NotNull(message = WS_URL_MESSAGE) @Pattern(regexp = "wss?://\\S+",
                    message = WS_URL_MESSAGE) String wsBaseUrl,
            @NotNull(message = SYMBOLS_MESSAGE) List<@Pattern(regexp = "[A-Za-z0-9]{2,20}",
                    message = SYMBOLS_MESSAGE) String> symbols,
            @NotNull(message = INTERVALS_MESSAGE) @NotEmpty(message = INTERVALS_MESSAGE)
            List<@Pattern(regexp = INTERVAL_CODES, message = INTERVALS_MESSAGE) String> intervals,
            @NotNull(message = STREAMS_MESSAGE) @NotEmpty(message = STREAMS_MESSAGE)
            List<@Pattern(regexp = "kline|aggTrade|bookTicker", message = STREAMS_MESSAGE) String> streams,
            @Min(value = 1, message = MAX_STREAMS_MESSAGE)
                    @Max(value = 1024, message = MAX_STREAMS_MESSAGE) int maxStreamsPerConnection,
            @NotNull(message = "peregrine.ingest.binance.connect-spacing must be set, e.g. 250ms")
                    Duration connectSpacing,
            @NotNull(message = PLANNED_MESSAGE) Duration plannedReconnect,
            @NotNull(message = BACKOFF_MESSAGE) Duration reconnectInitialBackoff,
            @NotNull(message = BACKOFF_MESSAGE) Duration reconnectMaxBackoff,
            @DecimalMin(value = "0", message = JITTER_MESSAGE)
                    @DecimalMax(value = "1", message = JITTER_MESSAGE) double reconnectJitter,
            @Min(value = 0, message = DEPTH_MESSAGE) @Max(value = 100_000, message = DEPTH_MESSAGE) int backfillDepth,
            @NotNull(message = REFRESH_MESSAGE) Duration instrumentRefresh,
            @NotNull(message = GRACE_MESSAGE) Duration readinessGrace,
            @NotNull(message = HEARTBEAT_MESSAGE) Duration heartbeat,
            @Min(value = 100, message = QUEUE_MESSAGE) @Max(value = 1_000_000,
                    message = QUEUE_MESSAGE) int maxQueuedMessages,
            @NotNull(message = SILENCE_MESSAGE) Duration silenceTimeout,
            @Valid @NotNull(message = "peregrine.ingest.binance.rest must be present (see ingest-service.yml)")
                    Rest rest) {

        private static final String REST_URL_MESSAGE = "peregrine.ingest.binance.rest-base-url must be an http(s) URL "
                + "such as https://api.binance.com";
        private static final String WS_URL_MESSAGE = "peregrine.ingest.binance.ws-base-url must be a ws(s) URL such "
                + "as wss://stream.binance.com:9443";
        private static final String SYMBOLS_MESSAGE = "peregrine.ingest.binance.symbols must list Binance symbols such "
                + "as BTCUSDT,ETHUSDT";
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
        private static final String JITTER_MESSAGE =
                "peregrine.ingest.binance.reconnect-jitter must be between 0 and 1 "
                + "(share of the back-off taken off at random), e.g. 0.5";
        private static final String DEPTH_MESSAGE = "peregrine.ingest.binance.backfill-depth must be between 0 and "
                + "100000 (candles per series read at start-up without history), e.g. 500";
        private static final String REFRESH_MESSAGE =
                "peregrine.ingest.binance.instrument-refresh must be at least 1m, "
                + "e.g. 1h";
        private static final String GRACE_MESSAGE =
                "peregrine.ingest.binance.readiness-grace must be positive, e.g. 30s";
        private static final String HEARTBEAT_MESSAGE = "peregrine.ingest.binance.heartbeat must be between 100ms and "
                + "1m, e.g. 1s";
        private static final String QUEUE_MESSAGE = "peregrine.ingest.binance.max-queued-messages must be between 100 "
                + "and 1000000 (stream messages waiting for the feed thread before the connection overflows), "
                + "e.g. 10000";
        private static final String SILENCE_MESSAGE = "peregrine.ingest.binance.silence-timeout must be 0 (never) or "
                + "between 5s and 10m (a connection without a message for this long is reconnected), e.g. 30s";
        private static final String SYMBOLS_REQUIRED = "peregrine.ingest.binance.symbols must name at least one symbol "
                + "when peregrine.ingest.binance.enabled is true, e.g. BTCUSDT,ETHUSDT";

        @AssertTrue(message = SILENCE_MESSAGE)
        public boolean isSilenceTimeoutZeroOrInRange() {
            return silenceTimeout == null || silenceTimeout.isZero()
                    || silenceTimeout.compareTo(Duration.ofSeconds(5)) >= 0
                            && silenceTimeout.compareTo(Duration.ofMinutes(10)) <= 0;
        }

        @AssertTrue(message = PLANNED_MESSAGE)
        public boolean isPlannedReconnectBeforeTheCutOff() {
            return plannedReconnect == null || plannedReconnect.compareTo(Duration.ofMinutes(1)) >= 0
                    && plannedReconnect.compareTo(Duration.ofHours(24)) < 0;
        }

        @AssertTrue(message = BACKOFF_MESSAGE)
        public boolean isBackoffOrdered() {
            return reconnectInitialBackoff == null || reconnectMaxBackoff == null
                    || reconnectInitialBackoff.isPositive()
                            && reconnectMaxBackoff.compareTo(reconnectInitialBackoff) >= 0;
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
            return heartbeat == null || heartbeat.compareTo(Duration.ofMillis(100)) >= 0
                    && heartbeat.compareTo(Duration.ofMinutes(1)) <= 0;
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

    /**
     * @param timeout              connect and answer timeout of one request
     * @param weightLimit          Binance's request weight per minute (spot: 6000)
     * @param weightSlowdownRatio  share of the limit at which requests wait for the next minute
     * @param requestsPerSecond    most requests per second (resilience4j rate limiter)
     * @param maxAttempts          attempts per request, first included (resilience4j retry)
     * @param maxRetryWait         longest Retry-After or ban waited for; a longer one fails the backfill at once
     * @param defaultRetryAfter    wait after a 429 or 418 that names none
     * @param circuitBreakerOpen   how long the circuit breaker stays open after repeated failures
     * @param maxBackfillCandles   most candles one backfill reads
     */
    public record Rest(
            @NotNull(message = TIMEOUT_MESSAGE) Duration timeout,
            @Min(value = 1, message = WEIGHT_MESSAGE) int weightLimit,
            @DecimalMin(value = "0.1", message = RATIO_MESSAGE)
                    @DecimalMax(value = "1", message = RATIO_MESSAGE) double weightSlowdownRatio,
            @Min(value = 1, message = RPS_MESSAGE) @Max(value = 100, message = RPS_MESSAGE) int requestsPerSecond,
            @Min(value = 1, message = ATTEMPTS_MESSAGE) @Max(value = 20, message = ATTEMPTS_MESSAGE) int maxAttempts,
            @NotNull(message = WAIT_MESSAGE) Duration maxRetryWait,
            @NotNull(message = DEFAULT_RETRY_MESSAGE) Duration defaultRetryAfter,
            @NotNull(message = BREAKER_MESSAGE) Duration circuitBreakerOpen,
            @Min(value = 1, message = MAX_CANDLES_MESSAGE)
                    @Max(value = 10_000_000, message = MAX_CANDLES_MESSAGE) int maxBackfillCandles) {

        private static final String TIMEOUT_MESSAGE =
                "peregrine.ingest.binance.rest.timeout must be positive, e.g. 10s";
        private static final String WEIGHT_MESSAGE = "peregrine.ingest.binance.rest.weight-limit must be at least 1 "
                + "(Binance spot: 6000 per minute)";
        private static final String RATIO_MESSAGE = "peregrine.ingest.binance.rest.weight-slowdown-ratio must be "
                + "between 0.1 and 1, e.g. 0.8";
        private static final String RPS_MESSAGE = "peregrine.ingest.binance.rest.requests-per-second must be between 1 "
                + "and 100, e.g. 10";
        private static final String ATTEMPTS_MESSAGE = "peregrine.ingest.binance.rest.max-attempts must be between 1 "
                + "and 20, e.g. 5";
        private static final String WAIT_MESSAGE = "peregrine.ingest.binance.rest.max-retry-wait must be positive, "
                + "e.g. 5m";
        private static final String DEFAULT_RETRY_MESSAGE = "peregrine.ingest.binance.rest.default-retry-after must be "
                + "positive, e.g. 60s";
        private static final String BREAKER_MESSAGE = "peregrine.ingest.binance.rest.circuit-breaker-open must be "
                + "positive, e.g. 30s";
        private static final String MAX_CANDLES_MESSAGE = "peregrine.ingest.binance.rest.max-backfill-candles must be "
                + "between 1 and 10000000, e.g. 100000";

        @AssertTrue(message = TIMEOUT_MESSAGE)
        public boolean isTimeoutPositive() {
            return timeout == null || timeout.isPositive();
        }

        @AssertTrue(message = WAIT_MESSAGE)
        public boolean isMaxRetryWaitPositive() {
            return maxRetryWait == null || maxRetryWait.isPositive();
        }

        @AssertTrue(message = DEFAULT_RETRY_MESSAGE)
        public boolean isDefaultRetryAfterPositive() {
            return defaultRetryAfter == null || defaultRetryAfter.isPositive();
        }

        @AssertTrue(message = BREAKER_MESSAGE)
        public boolean isCircuitBreakerOpenPositive() {
            return circuitBreakerOpen == null || circuitBreakerOpen.isPositive();
        }
    }

    /**
     * Deletion of old rows (docs/ingest.md, "Retention"). An age of 0 or none keeps that table's rows forever.
     *
     * @param candles          published candles older than this by open time are deleted; unpublished ones never
     * @param rejections       rejections older than this by rejected_at are deleted once their incident was published
     *                         or when they name no series (no incident to publish)
     * @param connectionEvents connection events older than this by occurred_at are deleted
     * @param sweepInterval    time between sweeps; the first runs one interval after start-up
     * @param batchSize        most rows one DELETE statement removes, so that no sweep holds locks for long
     */
    public record Retention(
            Duration candles,
            Duration rejections,
            Duration connectionEvents,
            @NotNull(message = SWEEP_MESSAGE) Duration sweepInterval,
            @Min(value = 100, message = RETENTION_BATCH_MESSAGE)
                    @Max(value = 1_000_000, message = RETENTION_BATCH_MESSAGE)
            int batchSize) {

        private static final String CANDLES_MESSAGE = "peregrine.ingest.retention.candles cannot be negative: an age "
                + "such as P730D, or 0 to keep candles forever";
        private static final String REJECTIONS_MESSAGE = "peregrine.ingest.retention.rejections cannot be negative: an "
                + "age such as P90D, or 0 to keep rejections forever";
        private static final String CONNECTION_EVENTS_MESSAGE =
                "peregrine.ingest.retention.connection-events cannot be "
                + "negative: an age such as P90D, or 0 to keep connection events forever";
        private static final String SWEEP_MESSAGE = "peregrine.ingest.retention.sweep-interval must be at least 1m, "
                + "e.g. 1h";
        private static final String RETENTION_BATCH_MESSAGE = "peregrine.ingest.retention.batch-size must be between "
                + "100 and 1000000 (rows deleted per statement), e.g. 10000";

        @AssertTrue(message = CANDLES_MESSAGE)
        public boolean isCandlesNotNegative() {
            return candles == null || !candles.isNegative();
        }

        @AssertTrue(message = REJECTIONS_MESSAGE)
        public boolean isRejectionsNotNegative() {
            return rejections == null || !rejections.isNegative();
        }

        @AssertTrue(message = CONNECTION_EVENTS_MESSAGE)
        public boolean isConnectionEventsNotNegative() {
            return connectionEvents == null || !connectionEvents.isNegative();
        }

        @AssertTrue(message = SWEEP_MESSAGE)
        public boolean isSweepIntervalAtLeastAMinute() {
            return sweepInterval == null || sweepInterval.compareTo(Duration.ofMinutes(1)) >= 0;
        }
    }
}
