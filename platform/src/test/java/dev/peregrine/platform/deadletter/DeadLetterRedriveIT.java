package dev.peregrine.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.platform.testapp.PlatformHttp;
import dev.peregrine.platform.testapp.PlatformTestApplication;
import dev.peregrine.platform.testapp.PlatformTestContext;
import dev.peregrine.platform.testapp.RecordingListener;
import dev.peregrine.platform.testapp.TestCandles;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dead letters listed with their reasons and re-driven to their topic, against the real broker. */
@PlatformTestContext
class DeadLetterRedriveIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TOPIC = PlatformTestApplication.TOPIC;
    private static final String UNCONSUMED = PlatformTestApplication.UNCONSUMED_TOPIC;
    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    RecordingListener listener;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @Test
    void recordsThatFailedUntilTheCauseWasFixedAreListedThenReDrivenByOffsetRangeAndProcessed() throws Exception {
        String key = TestCandles.uniqueSymbol("FIX");
        List<CandleClosed> candles = IntStream.range(0, 3)
                .mapToObj(i -> TestCandles.candle(
                        key, Instant.parse("2024-05-01T00:00:00Z").plusSeconds(60L * i)))
                .toList();
        listener.breakKey(key);
        List<Long> deadOffsets;
        int deadPartition;
        try (TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(TOPIC))) {
            for (CandleClosed candle : candles) {
                sendRaw(TOPIC, key, CODEC.encode(candle), new RecordHeaders());
            }
            var dead = deadLetters.awaitMatching(3, record -> key.equals(record.key()), TIMEOUT);
            deadPartition = dead.getFirst().partition();
            deadOffsets = dead.stream().map(record -> record.offset()).toList();
        }
        assertThat(listener.processed(key)).isEmpty();

        // What an operator sees first: the dead letters with their reasons.
        JsonNode listing = json(
                call(
                        "GET",
                        "/api/v1/dead-letters/" + TOPIC + "?partition=" + deadPartition + "&fromOffset="
                                + deadOffsets.getFirst() + "&toOffset=" + deadOffsets.getLast(),
                        TestTokens.VIEWER,
                        null),
                200);
        List<JsonNode> ours = StreamSupport.stream(listing.path("deadLetters").spliterator(), false)
                .filter(letter -> key.equals(letter.path("key").asString()))
                .toList();
        assertThat(ours).hasSize(3);
        assertThat(ours.getFirst().path("reason").asString())
                .contains("simulated lasting failure processing event "
                        + candles.getFirst().envelope().eventId());
        assertThat(ours.getFirst().path("exception").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(ours.getFirst().path("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(ours.getFirst().path("consumerGroup").asString()).isEqualTo("platform-test");
        assertThat(ours.getFirst().path("valuePreview").asString()).startsWith("{\"type\":\"CandleClosed\"");
        assertThat(listing.path("complete").asBoolean()).isTrue();
        assertThat(listing.path("nextOffsets")
                        .path(String.valueOf(deadPartition))
                        .asLong())
                .isEqualTo(deadOffsets.getLast() + 1);

        // The cause is fixed; the first two come back, the third stays where it is.
        listener.repair(key);
        double redrivenBefore = metric("peregrine_kafka_dead_letters_redriven_total", "topic=\"" + TOPIC + "\"");
        String body = "{\"reason\":\"database fixed (INC-42)\",\"partition\":" + deadPartition + ",\"fromOffset\":"
                + deadOffsets.getFirst() + ",\"toOffset\":" + deadOffsets.get(1) + "}";
        JsonNode result;
        try (TopicProbe topic = TopicProbe.open(bootstrap, TOPIC)) {
            // A named operator: the re-drive's audit (the result, the headers) names alice, not just the role.
            result = json(call("POST", "/api/v1/dead-letters/" + TOPIC + "/redrive", TestTokens.ALICE, body), 200);
            int inRange = (int) (deadOffsets.get(1) - deadOffsets.getFirst() + 1);
            assertThat(result.path("redriven").asInt()).isEqualTo(inRange);
            assertThat(result.path("by").asString()).isEqualTo(TestTokens.ALICE_NAME);
            assertThat(result.path("reason").asString()).isEqualTo("database fixed (INC-42)");
            assertThat(result.path("complete").asBoolean()).isTrue();

            var again = topic.awaitMatching(
                    2,
                    record -> key.equals(record.key())
                            && record.headers().lastHeader(DeadLetterRedrive.SOURCE_HEADER) != null,
                    TIMEOUT);
            assertThat(again)
                    .extracting(record -> record.value())
                    .containsExactly(CODEC.encode(candles.get(0)), CODEC.encode(candles.get(1)));
            assertThat(again).allSatisfy(record -> {
                assertThat(header(record.headers()
                                .lastHeader(DeadLetterRedrive.BY_HEADER)
                                .value()))
                        .isEqualTo(TestTokens.ALICE_NAME);
                assertThat(header(record.headers()
                                .lastHeader(DeadLetterRedrive.REASON_HEADER)
                                .value()))
                        .isEqualTo("database fixed (INC-42)");
                assertThat(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                        .isNull();
            });
            assertThat(header(again.getFirst()
                            .headers()
                            .lastHeader(DeadLetterRedrive.SOURCE_HEADER)
                            .value()))
                    .isEqualTo(Topics.deadLetterOf(TOPIC) + "-" + deadPartition + "@" + deadOffsets.getFirst());
        }
        await().atMost(TIMEOUT).until(() -> listener.processed(key).size() == 2);
        assertThat(listener.processed(key))
                .extracting(RecordingListener.Processed::event)
                .containsExactly(candles.get(0), candles.get(1));
        assertThat(metric("peregrine_kafka_dead_letters_redriven_total", "topic=\"" + TOPIC + "\"") - redrivenBefore)
                .isEqualTo(result.path("redriven").asDouble());

        // Re-driven twice, the same records again: same event ids, so a consumer's deduplication keeps it harmless.
        call("POST", "/api/v1/dead-letters/" + TOPIC + "/redrive", TestTokens.OPERATOR, body);
        await().atMost(TIMEOUT).until(() -> listener.processed(key).size() == 4);
        assertThat(listener.processed(key))
                .extracting(p -> p.event().envelope().eventId())
                .containsExactly(
                        candles.get(0).envelope().eventId(),
                                candles.get(1).envelope().eventId(),
                        candles.get(0).envelope().eventId(),
                                candles.get(1).envelope().eventId());
    }

    @Test
    void allDeadLettersOfATopicComeBackOnceEachInBoundedBatchesSkippingForeignOnes() throws Exception {
        String key = TestCandles.uniqueSymbol("ALL");
        // Five dead letters of five records, a second dead letter of the first (another consumer group failed it
        // too), and one that says it came from another topic.
        List<RecordMetadata> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(sendRaw(
                    Topics.deadLetterOf(UNCONSUMED),
                    key + i,
                    "value-" + i,
                    deadLetterHeaders(UNCONSUMED, 1, 100 + i, "group-a")));
        }
        written.add(sendRaw(
                Topics.deadLetterOf(UNCONSUMED), key + 0, "value-0", deadLetterHeaders(UNCONSUMED, 1, 100, "group-b")));
        written.add(sendRaw(
                Topics.deadLetterOf(UNCONSUMED),
                key + "X",
                "foreign",
                deadLetterHeaders("some.other.v1", 0, 7, "group-a")));

        // A bounded batch: one partition, one record, and where to continue.
        RecordMetadata first = written.getFirst();
        JsonNode one = json(
                call(
                        "POST",
                        "/api/v1/dead-letters/" + UNCONSUMED + "/redrive",
                        TestTokens.OPERATOR,
                        "{\"reason\":\"one first\",\"partition\":" + first.partition() + ",\"fromOffset\":"
                                + first.offset() + ",\"limit\":1}"),
                200);
        assertThat(one.path("redriven").asInt()).isEqualTo(1);
        assertThat(one.path("nextOffsets")
                        .path(String.valueOf(first.partition()))
                        .asLong())
                .isEqualTo(first.offset() + 1);

        try (TopicProbe topic = TopicProbe.open(bootstrap, UNCONSUMED)) {
            JsonNode all = json(
                    call(
                            "POST",
                            "/api/v1/dead-letters/" + UNCONSUMED + "/redrive",
                            TestTokens.OPERATOR,
                            "{\"reason\":\"all of it\",\"limit\":" + PlatformTestContext.REDRIVE_MAX_BATCH + "}"),
                    200);

            assertThat(all.path("complete").asBoolean()).isTrue();
            assertThat(all.path("redriven").asInt()).isEqualTo(5);
            assertThat(all.path("skipped")).hasSize(2);
            assertThat(all.path("skipped").toString())
                    .contains("its original topic is some.other.v1")
                    .contains("another dead letter of the same record " + UNCONSUMED + "-1@100");
            var arrived = topic.awaitMatching(6, record -> record.key().startsWith(key), TIMEOUT);
            // One from the first call, five from the second; the foreign one never reaches the topic.
            assertThat(arrived)
                    .extracting(record -> record.key())
                    .doesNotContain(key + "X")
                    .filteredOn(k -> k.equals(key + "0"))
                    .hasSize(2);
            assertThat(arrived)
                    .extracting(record -> record.value())
                    .containsOnly("value-0", "value-1", "value-2", "value-3", "value-4");
        }
        for (RecordMetadata metadata : written) {
            JsonNode partition = json(
                    call(
                            "GET",
                            "/api/v1/dead-letters/" + UNCONSUMED + "?partition=" + metadata.partition() + "&fromOffset="
                                    + metadata.offset() + "&toOffset=" + metadata.offset(),
                            TestTokens.VIEWER,
                            null),
                    200);
            assertThat(partition.path("deadLetters"))
                    .as("dead letters stay where they are")
                    .hasSize(1);
        }
    }

    @Test
    void reDrivingNeedsTheOperatorAReasonAKnownTopicAndABoundedBatch() throws Exception {
        String redrive = "/api/v1/dead-letters/" + TOPIC + "/redrive";
        String valid = "{\"reason\":\"fixed\",\"partition\":0,\"fromOffset\":0,\"toOffset\":0}";

        assertThat(call("POST", redrive, null, valid).statusCode()).isEqualTo(401);
        assertThat(call("POST", redrive, TestTokens.VIEWER, valid).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/dead-letters/" + TOPIC, null, null).statusCode())
                .isEqualTo(401);
        assertProblem(call("POST", redrive, TestTokens.OPERATOR, "{\"partition\":0}"), 400, "needs a reason");
        assertProblem(call("POST", redrive, TestTokens.OPERATOR, "{\"reason\":\"  \"}"), 400, "needs a reason");
        assertProblem(
                call("POST", redrive, TestTokens.OPERATOR, "{\"reason\":\"a\\nb\"}"),
                400,
                "without control characters");
        assertProblem(
                call(
                        "POST",
                        redrive,
                        TestTokens.OPERATOR,
                        "{\"reason\":\"" + "x".repeat(DeadLetterRedrive.MAX_REASON_LENGTH + 1) + "\"}"),
                400,
                "longer than 500");
        assertProblem(
                call(
                        "POST",
                        redrive,
                        TestTokens.OPERATOR,
                        "{\"reason\":\"fixed\",\"limit\":" + (PlatformTestContext.REDRIVE_MAX_BATCH + 1) + "}"),
                400,
                "above the most one call handles (" + PlatformTestContext.REDRIVE_MAX_BATCH);
        assertProblem(
                call("POST", redrive, TestTokens.OPERATOR, "{\"reason\":\"fixed\",\"fromOffset\":3}"),
                400,
                "needs a partition");
        assertProblem(
                call(
                        "POST",
                        redrive,
                        TestTokens.OPERATOR,
                        "{\"reason\":\"fixed\",\"partition\":0,\"fromOffset\":5,\"toOffset\":4}"),
                400,
                "before fromOffset");
        assertProblem(
                call("POST", redrive, TestTokens.OPERATOR, "{\"reason\":\"fixed\",\"partition\":9}"),
                400,
                "has no partition 9");
        assertProblem(
                call(
                        "POST",
                        "/api/v1/dead-letters/" + Topics.deadLetterOf(TOPIC) + "/redrive",
                        TestTokens.OPERATOR,
                        valid),
                404,
                "no dead-letter topic for");
        assertProblem(
                call("GET", "/api/v1/dead-letters/unknown.topic.v1", TestTokens.VIEWER, null),
                404,
                "no dead-letter topic for 'unknown.topic.v1'");
    }

    private RecordMetadata sendRaw(String topic, String key, String value, RecordHeaders headers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, null, key, value, headers))
                    .get();
        }
    }

    private static RecordHeaders deadLetterHeaders(String originalTopic, int partition, long offset, String group) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, originalTopic.getBytes(StandardCharsets.UTF_8));
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_PARTITION,
                ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        headers.add(
                KafkaHeaders.DLT_ORIGINAL_OFFSET,
                ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, group.getBytes(StandardCharsets.UTF_8));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "written by the test".getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(detail);
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return PlatformHttp.call(method, port, path, token, body);
    }

    private double metric(String name, String... labels) throws Exception {
        return PlatformHttp.metric(managementPort, name, labels);
    }

    private static String header(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
