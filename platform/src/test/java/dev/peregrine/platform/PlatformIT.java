package dev.peregrine.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.CandleEvent;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.platform.kafka.DeadLetterRouting;
import dev.peregrine.platform.kafka.EventPublisher;
import dev.peregrine.platform.testapp.PlatformHttp;
import dev.peregrine.platform.testapp.PlatformTestApplication;
import dev.peregrine.platform.testapp.PlatformTestContext;
import dev.peregrine.platform.testapp.RecordingListener;
import dev.peregrine.platform.testapp.TestCandles;
import dev.peregrine.testkit.OpenApiConformance;
import dev.peregrine.testkit.RawRecords;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PlatformTestContext
class PlatformIT {

    static final int RETRY_ATTEMPTS = PlatformTestContext.RETRY_ATTEMPTS;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPIC = PlatformTestApplication.TOPIC;
    private static final int TOPIC_PARTITIONS = 3;
    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RecordingListener listener;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventPublisher publisher;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @Test
    void readsNeedTheViewerTokenAndWritesTheOperatorToken() throws Exception {
        HttpResponse<String> anonymous = call("GET", port, "/api/test", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(anonymous.body()).contains("\"status\":401");
        assertThat(call("GET", port, "/api/test", "wrong-token-0123456789", null)
                        .statusCode())
                .isEqualTo(401);

        HttpResponse<String> viewerRead = call("GET", port, "/api/test", TestTokens.VIEWER, null);
        assertThat(viewerRead.statusCode()).isEqualTo(200);
        assertThat(viewerRead.body()).contains("\"read\":\"ok\"");
        assertThat(call("GET", port, "/api/test", TestTokens.OPERATOR, null).statusCode())
                .isEqualTo(200);

        assertThat(call("POST", port, "/api/test", null, "{\"name\":\"x\"}").statusCode())
                .isEqualTo(401);
        HttpResponse<String> viewerWrite = call("POST", port, "/api/test", TestTokens.VIEWER, "{\"name\":\"x\"}");
        assertThat(viewerWrite.statusCode()).isEqualTo(403);
        assertThat(viewerWrite.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode refusal = JSON.readTree(viewerWrite.body());
        assertThat(refusal.path("status").asInt()).isEqualTo(403);
        assertThat(refusal.path("detail").asString()).contains("OPERATOR");

        HttpResponse<String> operatorWrite =
                call("POST", port, "/api/test", TestTokens.OPERATOR, "{\"name\":\"peregrine\"}");
        assertThat(operatorWrite.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(operatorWrite.body()).path("written").asString())
                .isEqualTo("peregrine");
    }

    @Test
    void namedTokensAuthenticateAsTheirCallerWithTheirRole() throws Exception {
        assertThat(call("POST", port, "/api/test", TestTokens.ALICE, "{\"name\":\"a\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(call("GET", port, "/api/test", TestTokens.BOB, null).statusCode())
                .isEqualTo(200);
        assertThat(call("POST", port, "/api/test", TestTokens.BOB, "{\"name\":\"b\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theOpenApiDescriptionNeedsAViewerAndDescribesExactlyTheControllers() throws Exception {
        OpenApiConformance.assertDescribesTheControllers(context, port, TestTokens.BOB);
        JsonNode docs = JSON.readTree(
                call("GET", port, "/v3/api-docs", TestTokens.BOB, null).body());
        assertThat(docs.at("/info/title").asString()).isEqualTo("platform-test");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(docs.at("/security/0/bearer").isArray()).isTrue();
        assertThat(OpenApiConformance.served(context))
                .containsKeys(
                        "GET /api/test",
                        "POST /api/test",
                        "GET /api/v1/dead-letters/{topic}",
                        "POST /api/v1/dead-letters/{topic}/redrive");
    }

    @Test
    void aRequestBodyOverTheLimitIsRefusedWith413WithOrWithoutALength() throws Exception {
        String large = "{\"name\":\"" + "x".repeat(PlatformTestContext.MAX_REQUEST_BODY) + "\"}";
        HttpResponse<String> declared = call("POST", port, "/api/test", TestTokens.OPERATOR, large);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("larger than " + PlatformTestContext.MAX_REQUEST_BODY + " bytes");

        // Streamed without a Content-Length (chunked): refused once reading passes the limit.
        HttpResponse<String> chunked = HTTP.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/test"))
                        .header("Authorization", "Bearer " + TestTokens.OPERATOR)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(chunked.body()).path("status").asInt()).isEqualTo(413);

        String fits = "{\"name\":\"" + "x".repeat(PlatformTestContext.MAX_REQUEST_BODY - 20) + "\"}";
        assertThat(call("POST", port, "/api/test", TestTokens.OPERATOR, fits).statusCode())
                .isEqualTo(200);
    }

    @Test
    void healthShowsComponentStatusesToAnyoneAndTheirDetailsOnlyToAViewer() throws Exception {
        JsonNode anonymous = JSON.readTree(
                call("GET", managementPort, "/actuator/health", null, null).body());
        assertThat(anonymous.path("components").path("kafka").path("status").asString())
                .isEqualTo("UP");
        assertThat(anonymous.path("components").path("kafka").path("details").isMissingNode())
                .isTrue();
        assertThat(anonymous.path("components").path("db").path("details").isMissingNode())
                .isTrue();
        JsonNode unknownToken =
                JSON.readTree(call("GET", managementPort, "/actuator/health", "wrong-token-0123456789", null)
                        .body());
        assertThat(unknownToken.path("components").path("kafka").path("details").isMissingNode())
                .isTrue();

        JsonNode viewer = JSON.readTree(call("GET", managementPort, "/actuator/health", TestTokens.VIEWER, null)
                .body());
        assertThat(viewer.path("components")
                        .path("kafka")
                        .path("details")
                        .path("nodes")
                        .asInt())
                .isPositive();
        assertThat(viewer.path("components")
                        .path("db")
                        .path("details")
                        .path("database")
                        .asString())
                .isEqualTo("PostgreSQL");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestProblemDetail() throws Exception {
        HttpResponse<String> response = call("POST", port, "/api/test", TestTokens.OPERATOR, "{\"name\": not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("detail").asString()).isEqualTo("request body is missing or not valid JSON");
    }

    @Test
    void readinessOnTheManagementPortIsUpAndCoversKafkaAndTheDatabase() throws Exception {
        HttpResponse<String> response =
                call("GET", managementPort, "/actuator/health/readiness", TestTokens.VIEWER, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asString())
                .isEqualTo("UP");
        assertThat(health.path("components")
                        .path("kafka")
                        .path("details")
                        .path("nodes")
                        .asInt())
                .isPositive();
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void metricsAreServedOnTheManagementPortWithoutATokenAndNotOnTheApiPort() throws Exception {
        HttpResponse<String> management = call("GET", managementPort, "/actuator/prometheus", null, null);
        assertThat(management.statusCode()).isEqualTo(200);
        assertThat(management.body()).contains("# TYPE ").contains("service=\"platform-test\"");

        for (String token : Arrays.asList(null, TestTokens.VIEWER, TestTokens.OPERATOR)) {
            HttpResponse<String> api = call("GET", port, "/actuator/prometheus", token, null);
            assertThat(api.statusCode()).as("API port, token %s", token).isNotEqualTo(200);
            assertThat(api.body()).as("API port, token %s", token).doesNotContain("# TYPE ");
        }
    }

    @Test
    void anUndecodableRecordIsDeadLetteredAtOnceAndTheNextRecordOnItsPartitionIsProcessed() throws Exception {
        String key = uniqueSymbol("UND");
        String malformed = "{\"type\":\"CandleClosed\",\"marker\":\"" + UUID.randomUUID() + "\",";
        CandleClosed valid = candle(key, Instant.parse("2024-01-01T00:00:00Z"));
        String[] undecodable = {"topic=\"" + TOPIC + "\"", "reason=\"undecodable\""};
        double before = metric("peregrine_kafka_dead_letters_total", undecodable);

        try (TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(TOPIC))) {
            RawRecords.send(bootstrap, TOPIC, key, malformed);
            RawRecords.send(bootstrap, TOPIC, key, CODEC.encode(valid));

            ConsumerRecord<String, String> deadLetter = deadLetters
                    .awaitMatching(1, record -> malformed.equals(record.value()), TIMEOUT)
                    .getFirst();
            assertThat(deadLetter.key()).isEqualTo(key);
            assertThat(DeadLetterRouting.describe(deadLetter)).contains("not a valid CandleEvent");
            assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(TOPIC);

            await().atMost(TIMEOUT).until(() -> !listener.processed(key).isEmpty());
            assertThat(listener.processed(key))
                    .extracting(RecordingListener.Processed::event)
                    .containsExactly(valid);
            // One attempt for the malformed record (no retry) plus one for the valid record.
            assertThat(listener.attempts(key)).isEqualTo(2);
            assertThat(deadLetters.poll())
                    .filteredOn(record -> key.equals(record.key()))
                    .hasSize(1);
        }
        // Other tests dead-letter undecodable records on this topic too: count this one.
        await().atMost(TIMEOUT).until(() -> metric("peregrine_kafka_dead_letters_total", undecodable) - before >= 1.0);
        assertThat(metric("peregrine_kafka_dead_letters_total", undecodable) - before)
                .isEqualTo(1.0);
    }

    @Test
    void anEventFromANewerSchemaIsDeadLetteredWithBothVersionsAndNotProcessed() throws Exception {
        String key = uniqueSymbol("VER");
        CandleClosed current = candle(key, Instant.parse("2024-04-01T00:00:00Z"));
        int next = Envelope.CURRENT_SCHEMA_VERSION + 1;
        String newer = CODEC.encode(candle(key, Instant.parse("2024-04-01T00:01:00Z")))
                .replace("\"schemaVersion\":" + Envelope.CURRENT_SCHEMA_VERSION, "\"schemaVersion\":" + next);
        assertThat(newer).contains("\"schemaVersion\":" + next);

        String[] newerSchema = {"topic=\"" + TOPIC + "\"", "reason=\"newer-schema\""};
        double before = metric("peregrine_kafka_dead_letters_total", newerSchema);

        try (TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(TOPIC))) {
            RawRecords.send(bootstrap, TOPIC, key, newer);
            RawRecords.send(bootstrap, TOPIC, key, CODEC.encode(current));

            ConsumerRecord<String, String> deadLetter = deadLetters
                    .awaitMatching(1, record -> newer.equals(record.value()), TIMEOUT)
                    .getFirst();
            assertThat(DeadLetterRouting.describe(deadLetter))
                    .contains("CandleClosed has schemaVersion " + next + ", newer than the "
                            + Envelope.CURRENT_SCHEMA_VERSION + " this consumer reads");
            await().atMost(TIMEOUT).until(() -> !listener.processed(key).isEmpty());
            assertThat(listener.processed(key))
                    .extracting(RecordingListener.Processed::event)
                    .containsExactly(current);
            assertThat(listener.attempts(key))
                    .as("refused at once, not retried")
                    .isEqualTo(2);
        }
        assertThat(metric("peregrine_kafka_dead_letters_total", newerSchema) - before)
                .isEqualTo(1.0);
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedThenDeadLetteredAndTheConsumerMovesOn() throws Exception {
        CandleClosed failing = candle("FAILALWAYS", Instant.parse("2024-02-01T00:00:00Z"));
        String failingValue = CODEC.encode(failing);
        // A key on the same partition: it can only be processed once the failing record is out of the way.
        String nextKey = keyOnSamePartitionAs(RecordingListener.FAIL_ALWAYS);
        CandleClosed next = candle(nextKey, Instant.parse("2024-02-01T00:01:00Z"));

        String[] processingFailed = {"topic=\"" + TOPIC + "\"", "reason=\"processing-failed\""};
        double before = metric("peregrine_kafka_dead_letters_total", processingFailed);

        try (TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(TOPIC))) {
            RawRecords.send(bootstrap, TOPIC, RecordingListener.FAIL_ALWAYS, failingValue);
            RawRecords.send(bootstrap, TOPIC, nextKey, CODEC.encode(next));

            ConsumerRecord<String, String> deadLetter = deadLetters
                    .awaitMatching(1, record -> failingValue.equals(record.value()), TIMEOUT)
                    .getFirst();
            assertThat(deadLetter.key()).isEqualTo(RecordingListener.FAIL_ALWAYS);
            assertThat(DeadLetterRouting.describe(deadLetter))
                    .contains("simulated lasting failure processing event "
                            + failing.envelope().eventId());

            await().atMost(TIMEOUT).until(() -> !listener.processed(nextKey).isEmpty());
            RecordingListener.Processed processedNext =
                    listener.processed(nextKey).getFirst();
            assertThat(processedNext.event()).isEqualTo(next);
            assertThat(processedNext.partition())
                    .isEqualTo(ByteBuffer.wrap(headerBytes(deadLetter, "kafka_dlt-original-partition"))
                            .getInt());
            assertThat(processedNext.offset())
                    .isGreaterThan(ByteBuffer.wrap(headerBytes(deadLetter, "kafka_dlt-original-offset"))
                            .getLong());
        }
        assertThat(listener.attempts(RecordingListener.FAIL_ALWAYS)).isEqualTo(1 + RETRY_ATTEMPTS);
        assertThat(listener.processed(RecordingListener.FAIL_ALWAYS)).isEmpty();
        // Other tests dead-letter failing records on this topic too: count this one.
        assertThat(metric("peregrine_kafka_dead_letters_total", processingFailed) - before)
                .isEqualTo(1.0);
    }

    @Test
    void publishAllDeliversABatchInOrderForOneKeyAndCountsIt() throws Exception {
        String key = uniqueSymbol("ORD");
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        List<CandleClosed> batch = IntStream.range(0, 100)
                .mapToObj(i -> candle(key, start.plus(i, ChronoUnit.MINUTES)))
                .toList();
        String topicLabel = "topic=\"" + TOPIC + "\"";
        double publishedBefore = metric("peregrine_kafka_published_total", topicLabel);

        try (TopicProbe records = TopicProbe.open(bootstrap, TOPIC)) {
            publisher.publishAll(TOPIC, batch);

            List<ConsumerRecord<String, String>> arrived =
                    records.awaitMatching(batch.size(), record -> key.equals(record.key()), TIMEOUT);
            assertThat(arrived).hasSize(batch.size());
            assertThat(arrived)
                    .extracting(ConsumerRecord::partition)
                    .containsOnly(arrived.getFirst().partition());
            assertThat(arrived)
                    .extracting(record -> CODEC.decode(record.value(), CandleEvent.class))
                    .containsExactlyElementsOf(batch);
        }
        await().atMost(TIMEOUT).until(() -> listener.processed(key).size() == batch.size());
        assertThat(listener.processed(key))
                .extracting(RecordingListener.Processed::event)
                .containsExactlyElementsOf(batch);
        assertThat(metric("peregrine_kafka_published_total", topicLabel) - publishedBefore)
                .isEqualTo(100.0);
    }

    private HttpResponse<String> call(String method, int targetPort, String path, String token, String body)
            throws IOException, InterruptedException {
        return PlatformHttp.call(method, targetPort, path, token, body);
    }

    private double metric(String name, String... labels) throws IOException, InterruptedException {
        return PlatformHttp.metric(managementPort, name, labels);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(headerBytes(record, name), StandardCharsets.UTF_8);
    }

    private static byte[] headerBytes(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return header.value();
    }

    private static String uniqueSymbol(String prefix) {
        return TestCandles.uniqueSymbol(prefix);
    }

    /** The producer's default partitioner for a keyed record: murmur2 of the key bytes. */
    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % TOPIC_PARTITIONS;
    }

    private static String keyOnSamePartitionAs(String key) {
        for (int tries = 0; tries < 1000; tries++) {
            String candidate = uniqueSymbol("NXT");
            if (partitionOf(candidate) == partitionOf(key)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no key found on the partition of " + key);
    }

    private static CandleClosed candle(String symbol, Instant openTime) {
        return TestCandles.candle(symbol, openTime);
    }
}
