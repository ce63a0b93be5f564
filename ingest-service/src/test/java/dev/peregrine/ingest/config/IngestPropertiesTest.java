package dev.peregrine.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTest {

    private static final String BATCH_SIZE_MESSAGE = "peregrine.ingest.replay.batch-size must be between 1 and 10000 "
            + "(lines published per broker round trip at speed 0), e.g. 100";
    private static final String IN_FLIGHT_MESSAGE = "peregrine.ingest.replay.batches-in-flight must be between 1 "
            + "and 16 "
            + "(stored batches handed to the publishing thread and not yet acknowledged), e.g. 2";
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    /** The values shipped in ingest-service.yml. */
    static QualityProperties shippedQuality() {
        QualityProperties.Rule on = new QualityProperties.Rule(true);
        return new QualityProperties(
                on,
                on,
                on,
                on,
                on,
                on,
                on,
                on,
                new QualityProperties.StaleStream(true, 3),
                new QualityProperties.PriceJump(true, 100, 100, 10, 10),
                new QualityProperties.KlineCloseVsLastTrade(true, BigDecimal.ONE, 10_000),
                new QualityProperties.State(5000, 1000, java.time.Duration.ofDays(3)));
    }

    /** The values shipped in ingest-service.yml. */
    static BinanceProperties shippedBinance() {
        return binance(
                true,
                List.of("BTCUSDT", "ETHUSDT"),
                Duration.ofHours(23),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                0.5);
    }

    private static BinanceProperties binance(
            boolean enabled,
            List<String> symbols,
            Duration planned,
            Duration initialBackoff,
            Duration maxBackoff,
            double jitter) {
        return new BinanceProperties(
                enabled,
                "https://api.binance.com",
                "wss://stream.binance.com:9443",
                symbols,
                List.of("1m"),
                List.of("kline", "aggTrade", "bookTicker"),
                1024,
                Duration.ofMillis(250),
                planned,
                initialBackoff,
                maxBackoff,
                jitter,
                500,
                Duration.ofHours(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                10_000,
                Duration.ofSeconds(30),
                new BinanceRestProperties(
                        Duration.ofSeconds(10),
                        6000,
                        0.8,
                        10,
                        5,
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(30),
                        100_000));
    }

    /** The values shipped in ingest-service.yml. */
    static RetentionProperties shippedRetention() {
        return new RetentionProperties(
                Duration.ofDays(730), Duration.ofDays(90), Duration.ofDays(90), Duration.ofHours(1), 10_000);
    }

    /** The values shipped in ingest-service.yml. */
    static InstrumentsProperties shippedInstruments() {
        return new InstrumentsProperties("classpath:exchange-info/binance-spot-exchangeinfo.json");
    }

    private static IngestProperties properties(ReplayProperties replay) {
        return new IngestProperties(
                replay, shippedQuality(), shippedBinance(), shippedRetention(), shippedInstruments());
    }

    @Test
    void theShippedDefaultsAreValidAndAreTheDomainDefaults() {
        assertThat(validator.validate(properties(replay("", "", 0, "", "", 100, 2))))
                .isEmpty();
        assertThat(validator.validate(properties(replay(
                        "../shared/data/binance/klines/BTCUSDT-15m.csv.gz", "klines-csv", 60, "BTCUSDT", "15m", 1, 1))))
                .isEmpty();
        assertThat(validator.validate(properties(replay(
                        "../shared/data/binance/ws-capture/btcusdt_20240808.log.gz", "ws-capture", 1, "", "", 1, 16))))
                .isEmpty();
        assertThat(shippedQuality().toSettings()).isEqualTo(QualitySettings.defaults());
        assertThat(shippedQuality().state().toLimits())
                .isEqualTo(dev.peregrine.ingest.domain.quality.StateLimits.DEFAULTS);
    }

    @Test
    void badValuesAreRefusedWithMessagesThatSayWhatToFix() {
        var violations = validator.validate(properties(replay("x.csv", "json", -1, "BTC-USDT", "7m", 0, 0)));

        assertThat(violations)
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        "peregrine.ingest.replay.format must be klines-csv, ws-capture, or empty to tell by the file",
                        "peregrine.ingest.replay.speed must be 0 (as fast as possible) or a positive factor of real time, e.g. "
                                + "60",
                        "peregrine.ingest.replay.symbol must be a Binance symbol such as BTCUSDT, or empty to take it from the "
                                + "file name",
                        "peregrine.ingest.replay.interval must be a Binance interval code (1m, 5m, 15m, 1h, 4h, 1d, ...), or "
                                + "empty "
                                + "to take it from the file name",
                        BATCH_SIZE_MESSAGE,
                        IN_FLIGHT_MESSAGE);
        assertThat(validator.validate(properties(replay("", "", 0, "", "", 10_001, 2))))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly(BATCH_SIZE_MESSAGE);
        assertThat(validator.validate(properties(replay("", "", 0, "", "", 100, 17))))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly(IN_FLIGHT_MESSAGE);
        assertThat(validator.validate(properties(replay("", "", 0, "", "", 10_000, 2))))
                .isEmpty();
        assertThat(validator.validate(new IngestProperties(
                        null, shippedQuality(), shippedBinance(), shippedRetention(), shippedInstruments())))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("peregrine.ingest.replay must be present (see ingest-service.yml)");
    }

    @Test
    void qualityThresholdsAreValidatedWithMessagesThatSayWhatToFix() {
        QualityProperties.Rule on = new QualityProperties.Rule(true);
        QualityProperties bad = new QualityProperties(
                on,
                on,
                on,
                on,
                on,
                on,
                on,
                on,
                new QualityProperties.StaleStream(true, 0),
                new QualityProperties.PriceJump(true, 50, 60, 0.5, -1),
                new QualityProperties.KlineCloseVsLastTrade(true, new BigDecimal("-0.1"), 0),
                new QualityProperties.State(0, 100_001, java.time.Duration.ZERO));

        var violations = validator.validate(new IngestProperties(
                replay("", "", 0, "", "", 100, 2), bad, shippedBinance(), shippedRetention(), shippedInstruments()));

        assertThat(violations)
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        "peregrine.ingest.quality.stale-stream.intervals must be between 1 and 1000 (intervals without an "
                                + "update before a series is stale), e.g. 3",
                        "peregrine.ingest.quality.price-jump.warm-up must be at least 2 and at most the window (returns seen "
                                + "before a series is judged), e.g. 100",
                        "peregrine.ingest.quality.price-jump.k must be between 1 and 1000 (robust standard deviations a return "
                                + "may reach), e.g. 10",
                        "peregrine.ingest.quality.price-jump.min-jump-bps must be between 0 and 10000 (basis points of log "
                                + "return never flagged), e.g. 10",
                        "peregrine.ingest.quality.kline-close-vs-last-trade.tolerance-bps must be between 0 and 1000 (basis "
                                + "points the close may be off the last trade), e.g. 1",
                        "peregrine.ingest.quality.kline-close-vs-last-trade.trade-history must be between 1 and 1000000 "
                                + "(trades kept per symbol), e.g. 10000",
                        "peregrine.ingest.quality.state.max-series must be between 1 and 1000000 (series states a feed "
                                + "holds), e.g. 5000",
                        "peregrine.ingest.quality.state.max-symbols must be between 1 and 100000 (symbols whose trades a "
                                + "feed holds), e.g. 1000",
                        "peregrine.ingest.quality.state.idle-after must be a positive duration (a series or symbol quiet "
                                + "this long is dropped), e.g. 3d");
        assertThat(validator.validate(new IngestProperties(
                        replay("", "", 0, "", "", 100, 2),
                        null,
                        shippedBinance(),
                        shippedRetention(),
                        shippedInstruments())))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("peregrine.ingest.quality must be present (see ingest-service.yml)");
    }

    @Test
    void aDisabledRuleIsLeftOutOfTheSettings() {
        QualityProperties.Rule on = new QualityProperties.Rule(true);
        QualityProperties.Rule off = new QualityProperties.Rule(false);
        QualityProperties quality = new QualityProperties(
                on,
                off,
                on,
                on,
                on,
                on,
                on,
                off,
                new QualityProperties.StaleStream(false, 5),
                new QualityProperties.PriceJump(true, 50, 20, 8, 0),
                new QualityProperties.KlineCloseVsLastTrade(true, new BigDecimal("0.5"), 100),
                new QualityProperties.State(10, 2, java.time.Duration.ofHours(1)));

        QualitySettings settings = quality.toSettings();

        assertThat(settings.enabled())
                .isEqualTo(EnumSet.complementOf(
                        EnumSet.of(QualityRule.BAD_NUMBER, QualityRule.GAP, QualityRule.STALE_STREAM)));
        assertThat(settings.staleStream().intervals()).isEqualTo(5);
        assertThat(settings.priceJump()).isEqualTo(new QualitySettings.PriceJump(50, 20, 8, 0));
        assertThat(settings.lastTrade()).isEqualTo(new QualitySettings.LastTrade(new BigDecimal("0.5"), 100));
        assertThat(quality.state().toLimits())
                .isEqualTo(new dev.peregrine.ingest.domain.quality.StateLimits(10, 2, java.time.Duration.ofHours(1)));
    }

    @Test
    void theReplayFileLimitsAreValidated() {
        var violations = validator.validate(
                properties(new ReplayProperties("", "", 0, "", "", 100, 2, null, DataSize.ofBytes(1023), 255)));

        assertThat(violations)
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        "peregrine.ingest.replay.allowed-directories must list the directories replays may read below, "
                                + "comma-separated (empty for none), e.g. ../shared/data",
                        "peregrine.ingest.replay.max-file-size must be between 1KB and 1TB (the largest replay file, on disk "
                                + "and once decompressed), e.g. 2GB",
                        "peregrine.ingest.replay.max-line-length must be between 256 and 67108864 (characters of the longest "
                                + "line read), e.g. 1048576");
        assertThat(validator.validate(properties(
                        new ReplayProperties("", "", 0, "", "", 100, 2, List.of(), DataSize.ofKilobytes(1), 256))))
                .isEmpty();
    }

    @Test
    void theLiveFeedsQueueAndSilenceTimeoutAreValidated() {
        BinanceProperties shipped = shippedBinance();
        BinanceProperties bad = new BinanceProperties(
                true,
                shipped.restBaseUrl(),
                shipped.wsBaseUrl(),
                shipped.symbols(),
                shipped.intervals(),
                shipped.streams(),
                1024,
                shipped.connectSpacing(),
                shipped.plannedReconnect(),
                shipped.reconnectInitialBackoff(),
                shipped.reconnectMaxBackoff(),
                0.5,
                500,
                shipped.instrumentRefresh(),
                shipped.readinessGrace(),
                shipped.heartbeat(),
                99,
                Duration.ofSeconds(4),
                shipped.rest());

        assertThat(validator.validate(bad))
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        "peregrine.ingest.binance.max-queued-messages must be between 100 and 1000000 (stream messages waiting "
                                + "for the feed thread before the connection overflows), e.g. 10000",
                        "peregrine.ingest.binance.silence-timeout must be 0 (never) or between 5s and 10m (a connection "
                                + "without a message for this long is reconnected), e.g. 30s");
        BinanceProperties off = new BinanceProperties(
                true,
                shipped.restBaseUrl(),
                shipped.wsBaseUrl(),
                shipped.symbols(),
                shipped.intervals(),
                shipped.streams(),
                1024,
                shipped.connectSpacing(),
                shipped.plannedReconnect(),
                shipped.reconnectInitialBackoff(),
                shipped.reconnectMaxBackoff(),
                0.5,
                500,
                shipped.instrumentRefresh(),
                shipped.readinessGrace(),
                shipped.heartbeat(),
                100,
                Duration.ZERO,
                shipped.rest());
        assertThat(validator.validate(off)).isEmpty();
    }

    @Test
    void theLiveFeedSettingsAreValidatedWithMessagesThatSayWhatToFix() {
        ReplayProperties replay = replay("", "", 0, "", "", 100, 2);
        assertThat(validator.validate(shippedBinance())).isEmpty();

        BinanceProperties bad = new BinanceProperties(
                true,
                "ftp://x",
                "https://stream",
                List.of("BTC-USDT"),
                List.of("7m"),
                List.of("depth"),
                1025,
                Duration.ofMillis(-1),
                Duration.ofHours(24),
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                1.5,
                -1,
                Duration.ofSeconds(10),
                Duration.ZERO,
                Duration.ofMillis(10),
                10_000,
                Duration.ofSeconds(30),
                new BinanceRestProperties(
                        Duration.ZERO, 0, 0.05, 0, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0));

        assertThat(validator.validate(
                        new IngestProperties(replay, shippedQuality(), bad, shippedRetention(), shippedInstruments())))
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        "peregrine.ingest.binance.rest-base-url must be an http(s) URL such as https://api.binance.com",
                        "peregrine.ingest.binance.ws-base-url must be a ws(s) URL such as "
                                + "wss://stream.binance.com:9443",
                        "peregrine.ingest.binance.symbols must list Binance symbols such as BTCUSDT,ETHUSDT",
                        "peregrine.ingest.binance.intervals must list Binance interval codes (1m, 5m, 15m, 1h, 4h, 1d, "
                                + "...), e.g. 1m",
                        "peregrine.ingest.binance.streams must list stream types out of kline, aggTrade and "
                                + "bookTicker, "
                                + "e.g. kline,aggTrade,bookTicker",
                        "peregrine.ingest.binance.max-streams-per-connection must be between 1 and 1024 (Binance's "
                                + "limit "
                                + "per connection)",
                        "peregrine.ingest.binance.connect-spacing cannot be negative, e.g. 250ms",
                        "peregrine.ingest.binance.planned-reconnect must be between 1m and 23h59m: Binance closes "
                                + "connections after 24 hours, e.g. 23h",
                        "peregrine.ingest.binance.reconnect-initial-backoff and reconnect-max-backoff must be positive "
                                + "with initial <= max, e.g. 1s and 60s",
                        "peregrine.ingest.binance.reconnect-jitter must be between 0 and 1 (share of the back-off "
                                + "taken "
                                + "off at random), e.g. 0.5",
                        "peregrine.ingest.binance.backfill-depth must be between 0 and 100000 (candles per series read "
                                + "at "
                                + "start-up without history), e.g. 500",
                        "peregrine.ingest.binance.instrument-refresh must be at least 1m, e.g. 1h",
                        "peregrine.ingest.binance.readiness-grace must be positive, e.g. 30s",
                        "peregrine.ingest.binance.heartbeat must be between 100ms and 1m, e.g. 1s",
                        "peregrine.ingest.binance.rest.timeout must be positive, e.g. 10s",
                        "peregrine.ingest.binance.rest.weight-limit must be at least 1 (Binance spot: 6000 per minute)",
                        "peregrine.ingest.binance.rest.weight-slowdown-ratio must be between 0.1 and 1, e.g. 0.8",
                        "peregrine.ingest.binance.rest.requests-per-second must be between 1 and 100, e.g. 10",
                        "peregrine.ingest.binance.rest.max-attempts must be between 1 and 20, e.g. 5",
                        "peregrine.ingest.binance.rest.max-retry-wait must be positive, e.g. 5m",
                        "peregrine.ingest.binance.rest.default-retry-after must be positive, e.g. 60s",
                        "peregrine.ingest.binance.rest.circuit-breaker-open must be positive, e.g. 30s",
                        "peregrine.ingest.binance.rest.max-backfill-candles must be between 1 and 10000000, e.g. "
                                + "100000");
    }

    @Test
    void anEnabledFeedNeedsASymbolADisabledOneDoesNot() {
        String message = "peregrine.ingest.binance.symbols must name at least one symbol when "
                + "peregrine.ingest.binance.enabled is true, e.g. BTCUSDT,ETHUSDT";
        Duration oneHour = Duration.ofHours(1);

        assertThat(validator.validate(
                        binance(true, List.of(), oneHour, Duration.ofSeconds(1), Duration.ofSeconds(1), 0)))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly(message);
        assertThat(validator.validate(
                        binance(false, List.of(), oneHour, Duration.ofSeconds(1), Duration.ofSeconds(1), 0)))
                .isEmpty();
        assertThat(validator.validate(binance(
                        true,
                        List.of("btcusdt"),
                        Duration.ofMinutes(1),
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        1)))
                .isEmpty();
    }

    @Test
    void retentionIsValidatedWithMessagesThatSayWhatToFix() {
        ReplayProperties replay = replay("", "", 0, "", "", 100, 2);
        assertThat(validator.validate(shippedRetention())).isEmpty();
        // 0 and absent keep a table forever; batch sizes at the bounds are fine.
        assertThat(validator.validate(
                        new RetentionProperties(Duration.ZERO, null, Duration.ZERO, Duration.ofMinutes(1), 100)))
                .isEmpty();
        assertThat(validator.validate(
                        new RetentionProperties(null, Duration.ZERO, null, Duration.ofDays(1), 1_000_000)))
                .isEmpty();

        var bad = new RetentionProperties(
                Duration.ofDays(-1), Duration.ofSeconds(-1), Duration.ofMillis(-1), Duration.ofSeconds(59), 99);

        assertThat(validator.validate(
                        new IngestProperties(replay, shippedQuality(), shippedBinance(), bad, shippedInstruments())))
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        "peregrine.ingest.retention.candles cannot be negative: an age such as P730D, or 0 to keep "
                                + "candles forever",
                        "peregrine.ingest.retention.rejections cannot be negative: an age such as P90D, or 0 to keep "
                                + "rejections forever",
                        "peregrine.ingest.retention.connection-events cannot be negative: an age such as P90D, or 0 to "
                                + "keep connection events forever",
                        "peregrine.ingest.retention.sweep-interval must be at least 1m, e.g. 1h",
                        "peregrine.ingest.retention.batch-size must be between 100 and 1000000 (rows deleted per "
                                + "statement), e.g. 10000");
        assertThat(validator.validate(new RetentionProperties(null, null, null, null, 1_000_001)))
                .extracting(ConstraintViolation::getMessage)
                .containsExactlyInAnyOrder(
                        "peregrine.ingest.retention.sweep-interval must be at least 1m, e.g. 1h",
                        "peregrine.ingest.retention.batch-size must be between 100 and 1000000 (rows deleted per "
                                + "statement), e.g. 10000");
        assertThat(validator.validate(
                        new IngestProperties(replay, shippedQuality(), shippedBinance(), null, shippedInstruments())))
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("peregrine.ingest.retention must be present (see ingest-service.yml)");
    }

    /** A replay block with the shipped file rules. */
    private static ReplayProperties replay(
            String file, String format, int speed, String symbol, String interval, int batchSize, int batchesInFlight) {
        return new ReplayProperties(
                file,
                format,
                speed,
                symbol,
                interval,
                batchSize,
                batchesInFlight,
                List.of("../shared/data"),
                DataSize.ofGigabytes(2),
                1_048_576);
    }
}
