package dev.peregrine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.testkit.OpenApiConformance;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PeregrineIntegrationTest
@SpringBootTest(
        classes = IngestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=peregrine-defaults,ingest-service",
            "management.server.port=0",
            "peregrine.ingest.replay.allowed-directories=${java.io.tmpdir}"
        })
class IngestServiceIT {

    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    private static final Duration M15 = Duration.ofMinutes(15);
    /** Unique per test JVM, so that reruns against long-lived external Kafka and PostgreSQL stay independent. */
    private static final String RUN_TAG =
            Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36).toUpperCase(Locale.ROOT);

    private static final int MISSING_SLOT = 30;
    private static final int MALFORMED_AFTER_SLOT = 20;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path dir;

    private final IngestHttp api = new IngestHttp();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @Test
    void replaysAKlineFileIntoFlaggedCandlesIncidentsAndRowsAndASecondReplayPublishesNothing() throws Exception {
        String symbol = "ING" + RUN_TAG + "USDT";
        Path file = writeKlineFile(symbol);
        String body = "{\"file\": \"" + file + "\", \"speed\": 0}";

        assertThat(send("POST", "/api/v1/replays", null, body).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/replays", TestTokens.VIEWER, body).statusCode())
                .isEqualTo(403);
        HttpResponse<String> accepted = send("POST", "/api/v1/replays", TestTokens.OPERATOR, body);
        assertThat(accepted.statusCode()).isEqualTo(202);
        UUID runId = UUID.fromString(json.readTree(accepted.body()).get("id").asString());
        assertThat(accepted.headers().firstValue("Location")).contains("/api/v1/replays/" + runId);

        JsonNode run = awaitFinished(runId);
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("linesRead").asLong()).isEqualTo(50);
        assertThat(run.get("candlesPublished").asLong()).isEqualTo(49);
        assertThat(run.get("linesRejected").asLong()).isEqualTo(1);

        List<Integer> expectedSlots = new ArrayList<>();
        for (int slot = 0; slot < 50; slot++) {
            if (slot != MISSING_SLOT) {
                expectedSlots.add(slot);
            }
        }
        List<CandleClosed> candles;
        List<QualityIncident> incidents;
        try (TopicProbe candleProbe = TopicProbe.open(bootstrap, Topics.MARKET_CANDLES);
                TopicProbe qualityProbe = TopicProbe.open(bootstrap, Topics.MARKET_QUALITY)) {
            candles = candleProbe.awaitMatching(49, keyed(symbol), Duration.ofSeconds(30)).stream()
                    .map(r -> codec.decode(r.value(), CandleClosed.class))
                    .toList();
            incidents = qualityProbe.awaitMatching(2, keyed(symbol), Duration.ofSeconds(30)).stream()
                    .map(r -> codec.decode(r.value(), QualityIncident.class))
                    .toList();

            assertThat(candles)
                    .extracting(CandleClosed::openTime)
                    .containsExactlyElementsOf(
                            expectedSlots.stream().map(IngestServiceIT::slot).toList());
            assertThat(candles).extracting(c -> c.envelope().eventId()).doesNotHaveDuplicates();
            assertThat(candles).allSatisfy(c -> {
                assertThat(c.envelope().correlationId()).isEqualTo(c.envelope().eventId());
                assertThat(c.envelope().eventTime()).isEqualTo(c.closeTime());
                assertThat(c.source()).isEqualTo("replay:" + file.getFileName());
            });
            CandleClosed afterGap = candles.get(MISSING_SLOT);
            assertThat(afterGap.openTime()).isEqualTo(slot(MISSING_SLOT + 1));
            assertThat(afterGap.qualityFlags()).containsExactly("GAP");
            assertThat(candles.stream().filter(CandleClosed::flagged)).containsExactly(afterGap);

            QualityIncident gap = incidents.stream()
                    .filter(i -> i.rule().equals("GAP"))
                    .findFirst()
                    .orElseThrow();
            assertThat(gap.envelope().correlationId())
                    .isEqualTo(afterGap.envelope().eventId());
            assertThat(gap.evidence()).contains("open times " + slot(MISSING_SLOT) + " to " + slot(MISSING_SLOT));
            QualityIncident malformed = incidents.stream()
                    .filter(i -> i.rule().equals("BAD_NUMBER"))
                    .findFirst()
                    .orElseThrow();
            assertThat(malformed.severity()).isEqualTo(Severity.WARNING);
            assertThat(malformed.evidence())
                    .startsWith("line 23: NOT_A_NUMBER: high is not a decimal number: 'not-a-price'");

            Map<Instant, UUID> storedEventIds = jdbc
                    .sql("SELECT open_time, c.event_id FROM ingest.candles c "
                            + "JOIN ingest.candle_publications p ON p.publication_id = c.publication_id "
                            + "WHERE symbol = :symbol AND interval = '15m'")
                    .param("symbol", symbol)
                    .query((rs, row) -> Map.entry(
                            rs.getObject("open_time", java.time.OffsetDateTime.class)
                                    .toInstant(),
                            rs.getObject("event_id", UUID.class)))
                    .list()
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(storedEventIds).hasSize(49);
            assertThat(candles)
                    .allSatisfy(c -> assertThat(storedEventIds.get(c.openTime()))
                            .isEqualTo(c.envelope().eventId()));
            List<String> flagsAfterGap = jdbc.sql("SELECT unnest(quality_flags) FROM ingest.candles "
                            + "WHERE symbol = :symbol AND open_time = :openTime")
                    .param("symbol", symbol)
                    .param("openTime", afterGap.openTime().atOffset(java.time.ZoneOffset.UTC))
                    .query(String.class)
                    .list();
            assertThat(flagsAfterGap).containsExactly("GAP");
            Map<String, Object> rejection = jdbc.sql("SELECT line_number, reason, raw_line, event_id, published_at "
                            + "FROM ingest.rejections WHERE symbol = :symbol")
                    .param("symbol", symbol)
                    .query()
                    .singleRow();
            assertThat(rejection)
                    .containsEntry("line_number", 23L)
                    .containsEntry("reason", "NOT_A_NUMBER")
                    .containsEntry("event_id", malformed.envelope().eventId());
            assertThat((String) rejection.get("raw_line")).contains("not-a-price");
            assertThat(rejection.get("published_at")).isNotNull();

            HttpResponse<String> again = send("POST", "/api/v1/replays", TestTokens.OPERATOR, body);
            assertThat(again.statusCode()).isEqualTo(202);
            JsonNode second = awaitFinished(
                    UUID.fromString(json.readTree(again.body()).get("id").asString()));
            assertThat(second.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(second.get("candlesPublished").asLong()).isZero();
            assertThat(second.get("candlesSkipped").asLong()).isEqualTo(49);
            // The second run has finished, so anything it published is already on the broker.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() ->
                            candleProbe.poll().stream().filter(keyed(symbol)).count() == 49
                                    && qualityProbe.poll().stream()
                                                    .filter(keyed(symbol))
                                                    .count()
                                            == 2);
        }

        assertThat(jdbc.sql("SELECT count(*) FROM ingest.candles WHERE symbol = :symbol")
                        .param("symbol", symbol)
                        .query(Long.class)
                        .single())
                .isEqualTo(49);
        String metrics =
                send("GET", managementPort, "/actuator/prometheus", null, null).body();
        assertThat(metricValue(metrics, "peregrine_ingest_candles_published_total", "symbol=\"" + symbol + "\""))
                .isEqualTo(49.0);
        assertThat(metricValue(metrics, "peregrine_ingest_lines_rejected_total", "reason=\"NOT_A_NUMBER\""))
                .isGreaterThanOrEqualTo(2.0);
        assertThat(metricValue(metrics, "peregrine_ingest_quality_incidents_total", "rule=\"GAP\""))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(metrics).contains("peregrine_ingest_replay_lag_seconds_count{");
        JsonNode health = json.readTree(
                send("GET", managementPort, "/actuator/health", null, null).body());
        assertThat(health.at("/components/replay/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/replay/details").isMissingNode())
                .as("details need a VIEWER token")
                .isTrue();
    }

    @Test
    void theOpenApiDescriptionIsServedToAViewerAndMatchesTheControllers() throws Exception {
        OpenApiConformance.assertDescribesTheControllers(context, port, TestTokens.VIEWER);
    }

    @Test
    void refusesRequestsThatCannotWorkWithAClear4xx() throws Exception {
        HttpResponse<String> missing = send(
                "POST",
                "/api/v1/replays",
                TestTokens.OPERATOR,
                "{\"file\": \"" + dir.resolve("NOPEUSDT-15m.csv.gz") + "\", \"speed\": 0}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("does not exist");

        Path file = writeKlineFile("ING" + RUN_TAG + "BUSDT");
        HttpResponse<String> negative =
                send("POST", "/api/v1/replays", TestTokens.OPERATOR, "{\"file\": \"" + file + "\", \"speed\": -1}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("speed: must be 0");

        assertThat(send("POST", "/api/v1/replays", TestTokens.OPERATOR, "{\"speed\": 0}")
                        .body())
                .contains("file: is required");
        assertThat(send("POST", "/api/v1/replays", TestTokens.OPERATOR, "not json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/api/v1/replays/" + UUID.randomUUID(), TestTokens.VIEWER, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("GET", "/api/v1/replays?limit=0", TestTokens.VIEWER, null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/api/v1/replays", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/replays", TestTokens.VIEWER, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRunningReplayBlocksAnotherUntilAnOperatorCancelsIt() throws Exception {
        String symbol = "ING" + RUN_TAG + "PUSDT";
        Path file = writeKlineFile(symbol);
        // Speed 1 is real time: after the first candle the replay waits 15 minutes, so it is surely still running.
        HttpResponse<String> started =
                send("POST", "/api/v1/replays", TestTokens.OPERATOR, "{\"file\": \"" + file + "\", \"speed\": 1}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json.readTree(started.body()).get("requestedBy").asString()).isEqualTo("operator");
        UUID runId = UUID.fromString(json.readTree(started.body()).get("id").asString());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> run(runId).get("candlesPublished").asLong() == 1);

        HttpResponse<String> conflict =
                send("POST", "/api/v1/replays", TestTokens.OPERATOR, "{\"file\": \"" + file + "\"}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains(runId.toString());
        assertThat(send("DELETE", "/api/v1/replays/" + runId, TestTokens.VIEWER, null)
                        .statusCode())
                .isEqualTo(403);
        // Cancelled by a named operator: the run's audit names who started it and who cancelled it.
        assertThat(send("DELETE", "/api/v1/replays/" + runId, TestTokens.ALICE, null)
                        .statusCode())
                .isEqualTo(202);

        JsonNode cancelled = awaitFinished(runId);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelledBy").asString()).isEqualTo("alice");
        assertThat(cancelled.get("error").asString()).startsWith("cancelled by alice after ");
        assertThat(jdbc.sql("SELECT requested_by, cancelled_by FROM ingest.replay_runs WHERE id = :id")
                        .param("id", runId)
                        .query()
                        .singleRow())
                .containsEntry("requested_by", "operator")
                .containsEntry("cancelled_by", "alice");
        assertThat(cancelled.get("candlesPublished").asLong()).isEqualTo(1);
        assertThat(send("DELETE", "/api/v1/replays/" + runId, TestTokens.OPERATOR, null)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void replaysAWebSocketCaptureThroughTheSameParsingQualityAndPublishing() throws Exception {
        String symbol = "ICP" + RUN_TAG + "USDT";
        Path file = writeCapture(symbol);

        HttpResponse<String> badFormat = send(
                "POST", "/api/v1/replays", TestTokens.OPERATOR, "{\"file\": \"" + file + "\", \"format\": \"xml\"}");
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(badFormat.body()).contains("format: must be klines-csv or ws-capture");
        HttpResponse<String> accepted = send(
                "POST",
                "/api/v1/replays",
                TestTokens.OPERATOR,
                "{\"file\": \"" + file + "\", \"format\": \"ws-capture\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);

        JsonNode run = awaitFinished(
                UUID.fromString(json.readTree(accepted.body()).get("id").asString()));
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("format").asString()).isEqualTo("ws-capture");
        assertThat(run.get("linesRead").asLong()).isEqualTo(6);
        assertThat(run.get("candlesPublished").asLong()).isEqualTo(2);
        assertThat(run.get("linesRejected").asLong()).isEqualTo(1);
        assertThat(run.at("/messages/TRADE").asLong()).isEqualTo(2);
        assertThat(run.at("/messages/KLINE").asLong()).isEqualTo(2);

        try (TopicProbe candleProbe = TopicProbe.open(bootstrap, Topics.MARKET_CANDLES);
                TopicProbe qualityProbe = TopicProbe.open(bootstrap, Topics.MARKET_QUALITY)) {
            List<CandleClosed> candles = candleProbe.awaitMatching(2, keyed(symbol), Duration.ofSeconds(30)).stream()
                    .map(r -> codec.decode(r.value(), CandleClosed.class))
                    .toList();
            QualityIncident mismatch = qualityProbe.awaitMatching(1, keyed(symbol), Duration.ofSeconds(30)).stream()
                    .map(r -> codec.decode(r.value(), QualityIncident.class))
                    .findFirst()
                    .orElseThrow();

            assertThat(candles)
                    .extracting(CandleClosed::qualityFlags)
                    .containsExactly(List.of(), List.of("KLINE_CLOSE_VS_LAST_TRADE"));
            assertThat(candles.getFirst().source()).isEqualTo("replay:" + file.getFileName());
            assertThat(mismatch.rule()).isEqualTo("KLINE_CLOSE_VS_LAST_TRADE");
            assertThat(mismatch.envelope().correlationId())
                    .isEqualTo(candles.get(1).envelope().eventId());
        }
        Map<String, Object> rejection = jdbc.sql("SELECT line_number, reason, symbol, interval FROM ingest.rejections "
                        + "WHERE source = :source")
                .param("source", "replay:" + file.getFileName())
                .query()
                .singleRow();
        assertThat(rejection)
                .containsEntry("line_number", 6L)
                .containsEntry("reason", "TRUNCATED")
                .containsEntry("symbol", null)
                .containsEntry("interval", null);
        String metrics =
                send("GET", managementPort, "/actuator/prometheus", null, null).body();
        assertThat(metricValue(metrics, "peregrine_ingest_stream_messages_total", "kind=\"TRADE\""))
                .isGreaterThanOrEqualTo(2.0);
        assertThat(metricValue(metrics, "peregrine_ingest_lines_rejected_total", "reason=\"TRUNCATED\""))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(metricValue(
                        metrics, "peregrine_ingest_quality_incidents_total", "rule=\"KLINE_CLOSE_VS_LAST_TRADE\""))
                .isGreaterThanOrEqualTo(1.0);
    }

    /**
     * Two trades and two closed 1m klines of {@code symbol}; the second kline's close is not its last trade's price;
     * the last line is cut as by a recorder stopping mid-write.
     */
    private Path writeCapture(String symbol) throws IOException {
        String stream = symbol.toLowerCase(Locale.ROOT);
        long open = START.toEpochMilli();
        List<String> lines = List.of(
                capture(open + 30_000, stream + "@trade", trade(symbol, open + 30_000, "100.50")),
                capture(open + 60_100, stream + "@kline_1m", kline(symbol, open, "100.00", "100.50")),
                capture(open + 119_000, stream + "@trade", trade(symbol, open + 119_000, "101.20")),
                capture(open + 120_100, stream + "@kline_1m", kline(symbol, open + 60_000, "100.50", "101.10")),
                capture(
                        open + 121_000,
                        stream + "@bookTicker",
                        "{\"u\":7,\"s\":\"" + symbol + "\",\"b\":\"101.1\","
                                + "\"B\":\"1\",\"a\":\"101.2\",\"A\":\"2\"}"),
                capture(open + 122_000, stream + "@trade", trade(symbol, open + 122_000, "101.30"))
                        .substring(0, 60));
        Path file = dir.resolve("capture-" + symbol.toLowerCase(Locale.ROOT) + ".log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String capture(long localMillis, String stream, String payload) {
        return localMillis * 1_000_000 + " {\"stream\":\"" + stream + "\",\"data\":" + payload + "}";
    }

    private static String trade(String symbol, long time, String price) {
        return "{\"e\":\"trade\",\"E\":" + time + ",\"s\":\"" + symbol + "\",\"t\":1,\"p\":\"" + price
                + "\",\"q\":\"0.5\",\"T\":" + time + ",\"m\":false,\"M\":true}";
    }

    private static String kline(String symbol, long open, String openPrice, String close) {
        return "{\"e\":\"kline\",\"E\":" + (open + 60_000) + ",\"s\":\"" + symbol + "\",\"k\":{\"t\":" + open
                + ",\"T\":" + (open + 59_999) + ",\"s\":\"" + symbol + "\",\"i\":\"1m\",\"f\":1,\"L\":2,"
                + "\"o\":\"" + openPrice + "\",\"c\":\"" + close + "\",\"h\":\"102\",\"l\":\"99\",\"v\":\"1\","
                + "\"n\":1,\"x\":true,\"q\":\"100\",\"V\":\"0.5\",\"Q\":\"50\",\"B\":\"0\"}}";
    }

    /** Header, 15m candles in slots 0..49 without slot 30, and one malformed line after slot 20 (line 23). */
    private Path writeKlineFile(String symbol) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(KlineLines.HEADER);
        for (int slot = 0; slot < 50; slot++) {
            if (slot == MISSING_SLOT) {
                continue;
            }
            lines.add(KlineLines.candle15m(START, slot));
            if (slot == MALFORMED_AFTER_SLOT) {
                long open = slot(slot + 1).toEpochMilli();
                lines.add(KlineLines.line(open, open + M15.toMillis() - 1, "120.0", "not-a-price", "119.0", "121.0"));
            }
        }
        Path file = dir.resolve(symbol + "-15m.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static Instant slot(int slot) {
        return START.plus(M15.multipliedBy(slot));
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> keyed(String symbol) {
        return IngestHttp.keyed(symbol);
    }

    private JsonNode awaitFinished(UUID runId) {
        return api.awaitFinished(port, runId, TestTokens.VIEWER);
    }

    private JsonNode run(UUID runId) {
        return api.run(port, runId, TestTokens.VIEWER);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) {
        return api.send(method, port, path, token, body);
    }

    private HttpResponse<String> send(String method, int onPort, String path, String token, String body) {
        return api.send(method, onPort, path, token, body);
    }

    /** The value of the Prometheus sample {@code name{...label...}}, or -1 when there is none. */
    private static double metricValue(String scrape, String name, String label) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
