package dev.peregrine.ingest;

import static dev.peregrine.ingest.IngestHttp.keyed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays without the live feed take their instruments from an exchangeInfo snapshot (here one written for the test,
 * in Binance's format, so that reruns against long-lived servers use symbols of their own): published on
 * {@code market.instruments.v1} on the real broker, stored, and before the replay's first candle.
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.allowed-directories=${java.io.tmpdir}"
        })
class ReplayInstrumentsIT {
    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Unique per test JVM, so that reruns against long-lived external Kafka and PostgreSQL stay independent. */
    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);

    private static final String LISTED = "RIA" + RUN_TAG + "USDT";
    private static final String OTHER = "RIB" + RUN_TAG + "USDT";
    private static final String MISSING = "RIM" + RUN_TAG + "USDT";
    private static final String BROKEN = "RIX" + RUN_TAG + "USDT";
    private static Path snapshot;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private final IngestHttp api = new IngestHttp();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @DynamicPropertySource
    static void snapshot(DynamicPropertyRegistry registry) throws IOException {
        snapshot = Files.createTempDirectory("exchange-info").resolve("exchangeInfo.json");
        Files.writeString(snapshot, snapshotJson());
        registry.add("peregrine.ingest.instruments.snapshot", snapshot::toString);
    }

    /**
     * Binance's format: LISTED with every filter (MARKET_LOT_SIZE's step 0), OTHER with the older MIN_NOTIONAL only.
     */
    private static String snapshotJson() {
        return """
                {"timezone": "UTC", "serverTime": 1717200000000, "rateLimits": [], "exchangeFilters": [], "symbols": [
                  {"symbol": "%s", "status": "TRADING", "baseAsset": "RIA%s", "quoteAsset": "USDT", "filters": [
                    {"filterType": "PRICE_FILTER", "minPrice": "0.01000000", "maxPrice": "1000000.00000000", "tickSize": "0.01000000"},
                    {"filterType": "LOT_SIZE", "minQty": "0.00001000", "maxQty": "9000.00000000", "stepSize": "0.00001000"},
                    {"filterType": "ICEBERG_PARTS", "limit": 10},
                    {"filterType": "MARKET_LOT_SIZE", "minQty": "0.00000000", "maxQty": "128.52621715", "stepSize": "0.00000000"},
                    {"filterType": "TRAILING_DELTA", "minTrailingAboveDelta": 10, "maxTrailingAboveDelta": 2000},
                    {"filterType": "NOTIONAL", "minNotional": "5.00000000", "applyMinToMarket": true,
                     "maxNotional": "9000000.00000000", "applyMaxToMarket": false, "avgPriceMins": 5}]},
                  {"symbol": "%s", "status": "TRADING", "baseAsset": "RIB%s", "quoteAsset": "USDT", "filters": [
                    {"filterType": "PRICE_FILTER", "tickSize": "0.00010000"},
                    {"filterType": "LOT_SIZE", "minQty": "1.00000000", "maxQty": "0.00000000", "stepSize": "1.00000000"},
                    {"filterType": "MIN_NOTIONAL", "minNotional": "10.00000000", "applyToMarket": true}]}]}
                """.formatted(LISTED, RUN_TAG, OTHER, RUN_TAG);
    }

    @Test
    void aReplayPublishesItsSymbolsInstrumentFromTheSnapshotBeforeItsFirstCandleAndOnlyOnce() throws Exception {
        UUID first = replay(writeKlineFile(LISTED, 20));
        assertThat(awaitFinished(first).get("status").asString()).isEqualTo("COMPLETED");

        InstrumentUpdated instrument;
        try (TopicProbe instruments = TopicProbe.open(bootstrap, Topics.MARKET_INSTRUMENTS);
                TopicProbe candles = TopicProbe.open(bootstrap, Topics.MARKET_CANDLES)) {
            ConsumerRecord<String, String> record =
                    instruments.awaitMatching(1, keyed(LISTED), WAIT).getFirst();
            List<ConsumerRecord<String, String>> candleRecords = candles.awaitMatching(20, keyed(LISTED), WAIT);
            long firstCandleSent = candleRecords.stream()
                    .mapToLong(ConsumerRecord::timestamp)
                    .min()
                    .orElseThrow();
            assertThat(record.timestamp())
                    .as("sent (and acknowledged) before the first candle was sent")
                    .isLessThanOrEqualTo(firstCandleSent);
            instrument = codec.decode(record.value(), InstrumentUpdated.class);

            // A second replay of the same symbol finds the same rules stored and published: nothing new.
            UUID second = replay(writeKlineFile(LISTED, 20));
            assertThat(awaitFinished(second).get("status").asString()).isEqualTo("COMPLETED");
            assertThat(instruments.poll().stream().filter(keyed(LISTED))).hasSize(1);
        }
        assertThat(instrument.status()).isEqualTo("TRADING");
        assertThat(instrument.baseAsset()).isEqualTo("RIA" + RUN_TAG);
        assertThat(instrument.tickSize().text()).isEqualTo("0.01");
        assertThat(instrument.stepSize().text()).isEqualTo("0.00001");
        assertThat(instrument.minQuantity().text()).isEqualTo("0.00001");
        assertThat(instrument.minNotional().text()).isEqualTo("5");
        assertThat(instrument.maxQuantity().text()).isEqualTo("9000");
        assertThat(instrument.marketMaxQuantity().text()).isEqualTo("128.52621715");
        assertThat(instrument.maxNotional().text()).isEqualTo("9000000");
        assertThat(instrument.envelope().eventTime())
                .as("the snapshot's serverTime")
                .isEqualTo(Instant.ofEpochMilli(1717200000000L));

        Map<String, Object> row = jdbc.sql("SELECT max_qty, market_max_qty, max_notional, event_id, published_at "
                        + "FROM ingest.instruments WHERE symbol = :symbol")
                .param("symbol", LISTED)
                .query()
                .singleRow();
        assertThat((BigDecimal) row.get("max_qty")).isEqualByComparingTo("9000");
        assertThat((BigDecimal) row.get("market_max_qty")).isEqualByComparingTo("128.52621715");
        assertThat((BigDecimal) row.get("max_notional")).isEqualByComparingTo("9000000");
        assertThat(row.get("event_id")).isEqualTo(instrument.envelope().eventId());
        assertThat(row.get("published_at")).isNotNull();
    }

    @Test
    void aSymbolWithTheOlderMinNotionalAndZeroMaxQuantityHasNoUpperLimits() throws Exception {
        UUID run = replay(writeKlineFile(OTHER, 3));
        assertThat(awaitFinished(run).get("status").asString()).isEqualTo("COMPLETED");

        try (TopicProbe instruments = TopicProbe.open(bootstrap, Topics.MARKET_INSTRUMENTS)) {
            InstrumentUpdated other = codec.decode(
                    instruments.awaitMatching(1, keyed(OTHER), WAIT).getFirst().value(), InstrumentUpdated.class);
            assertThat(other.minNotional().text()).isEqualTo("10");
            assertThat(other.maxQuantity()).as("0 means none").isNull();
            assertThat(other.marketMaxQuantity()).isNull();
            assertThat(other.maxNotional()).isNull();
        }
    }

    @Test
    void aSymbolTheSnapshotDoesNotListIsReplayedWithoutRulesAndCounted() throws Exception {
        UUID run = replay(writeKlineFile(MISSING, 3));

        JsonNode finished = awaitFinished(run);
        assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("candlesPublished").asLong()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.instruments WHERE symbol = :symbol")
                        .param("symbol", MISSING)
                        .query(Long.class)
                        .single())
                .isZero();
        String metrics = api.send("GET", managementPort, "/actuator/prometheus", null, null)
                .body();
        assertThat(metrics.lines()
                        .filter(line -> line.startsWith("peregrine_ingest_instruments_snapshot_missing_total{")
                                && line.contains("symbol=\"" + MISSING + "\""))
                        .toList())
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(" 1.0"));
    }

    @Test
    void aSnapshotThatCannotBeReadFailsTheReplayWithAClearReasonAndNoCandle() throws Exception {
        String good = Files.readString(snapshot);
        Files.writeString(snapshot, "{\"symbols\": [{\"symbol\": \"cut off");
        JsonNode finished;
        try {
            finished = awaitFinished(replay(writeKlineFile(BROKEN, 3)));
        } finally {
            Files.writeString(snapshot, good);
        }

        assertThat(finished.get("status").asString()).isEqualTo("FAILED");
        assertThat(finished.get("error").asString())
                .startsWith("the instruments could not be synced from the exchangeInfo snapshot before the replay, so "
                        + "no candle was published: the exchangeInfo snapshot '" + snapshot + "' cannot be used: it is "
                        + "not JSON")
                .contains("peregrine.ingest.instruments.snapshot");
        assertThat(jdbc.sql("SELECT count(*) FROM ingest.candles WHERE symbol = :symbol")
                        .param("symbol", BROKEN)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private UUID replay(Path file) {
        HttpResponse<String> accepted = api.send(
                "POST", port, "/api/v1/replays", TestTokens.OPERATOR, "{\"file\": \"" + file + "\", \"speed\": 0}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        return UUID.fromString(json.readTree(accepted.body()).get("id").asString());
    }

    private Path writeKlineFile(String symbol, int candles) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(KlineLines.HEADER);
        for (int slot = 0; slot < candles; slot++) {
            lines.add(KlineLines.candle15m(START, slot));
        }
        Path file = dir.resolve(symbol + "-15m.csv");
        Files.write(file, lines);
        return file;
    }

    private JsonNode awaitFinished(UUID runId) {
        return api.awaitFinished(port, runId, TestTokens.VIEWER);
    }
}
