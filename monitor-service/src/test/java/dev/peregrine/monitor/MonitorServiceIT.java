package dev.peregrine.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.platform.kafka.DeadLetterRouting;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RawRecords;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PeregrineIntegrationTest
@SpringBootTest(
        classes = MonitorServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,monitor-service", "management.server.port=0"})
class MonitorServiceIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();
    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void recordsAWholeTradeFlowOnceAndServesIt() throws Exception {
        TestEvents events = new TestEvents("MONUSDT", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        SignalValidated signal = events.signal(UUID.randomUUID());
        UUID correlationId = signal.envelope().eventId();
        TradeApproved approved = events.approved(signal, UUID.randomUUID());
        String clientOrderId = "it-" + UUID.randomUUID();
        OrderAccepted accepted = events.accepted(approved, clientOrderId, UUID.randomUUID());
        OrderFilled filled = events.filled(accepted, UUID.randomUUID(), Duration.ofMillis(320));

        // The signal first, so the fill finds it and its signal-to-fill latency is measured.
        send(Topics.SIGNALS_VALIDATED, signal);
        await().atMost(WAIT).until(() -> count("monitor.signals", correlationId) == 1);
        send(Topics.RISK_DECISIONS, approved);
        send(Topics.EXECUTION_REPORTS, accepted);
        send(Topics.EXECUTION_REPORTS, filled);
        await().atMost(WAIT)
                .until(() -> count("monitor.decisions", correlationId) == 1
                        && count("monitor.executions", correlationId) == 2);

        Map<String, Object> signalRow = jdbc.sql("select * from monitor.signals where signal_id = :id")
                .param("id", signal.signalId())
                .query()
                .singleRow();
        assertThat(signalRow)
                .containsEntry("strategy_id", TestEvents.STRATEGY)
                .containsEntry("symbol", "MONUSDT")
                .containsEntry("interval", "15m")
                .containsEntry("grade", "B")
                .containsEntry("action", "TRADE")
                .containsEntry("tradeable", true)
                .containsEntry("correlation_id", correlationId);
        assertThat((BigDecimal) signalRow.get("reference_price")).isEqualByComparingTo("100.50");
        Map<String, Object> decisionRow = jdbc.sql("select * from monitor.decisions where decision_id = :id")
                .param("id", approved.decisionId())
                .query()
                .singleRow();
        assertThat(decisionRow)
                .containsEntry("outcome", "APPROVED")
                .containsEntry("signal_id", signal.signalId())
                .containsEntry("correlation_id", correlationId);
        assertThat((BigDecimal) decisionRow.get("quantity")).isEqualByComparingTo("0.5");
        Map<String, Object> fillRow = jdbc.sql("select * from monitor.executions where event_id = :id")
                .param("id", filled.envelope().eventId())
                .query()
                .singleRow();
        assertThat(fillRow)
                .containsEntry("report_type", "FILLED")
                .containsEntry("client_order_id", clientOrderId)
                .containsEntry("fee_asset", "USDT")
                .containsEntry("correlation_id", correlationId);
        assertThat((BigDecimal) fillRow.get("fill_price")).isEqualByComparingTo("100.60");
        assertThat((BigDecimal) fillRow.get("fee")).isEqualByComparingTo("0.0503");

        HttpResponse<String> flow = get("/api/v1/trade-flows/" + correlationId, TestTokens.VIEWER);
        assertThat(flow.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(flow.body());
        assertThat(body.get("correlationId").asString()).isEqualTo(correlationId.toString());
        assertThat(body.get("signals")).hasSize(1);
        assertThat(body.get("signals").get(0).get("signalId").asString())
                .isEqualTo(signal.signalId().toString());
        assertThat(body.get("decisions")).hasSize(1);
        assertThat(body.get("decisions").get(0).get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(body.get("decisions").get(0).get("quantity").asString()).isEqualTo("0.5");
        assertThat(body.get("decisions")
                        .get(0)
                        .get("reasons")
                        .get(0)
                        .get("code")
                        .asString())
                .isEqualTo("WITHIN_LIMITS");
        assertThat(body.get("executions")).hasSize(2);
        assertThat(body.get("executions").get(0).get("type").asString()).isEqualTo("ACCEPTED");
        assertThat(body.get("executions").get(1).get("type").asString()).isEqualTo("FILLED");
        assertThat(body.get("executions").get(1).get("fillPrice").asString()).isEqualTo("100.60");
        assertThat(get("/api/v1/trade-flows/" + correlationId, null).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/v1/trade-flows/" + correlationId, TestTokens.OPERATOR)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> recent =
                get("/api/v1/signals?strategy=" + TestEvents.STRATEGY + "&limit=5", TestTokens.VIEWER);
        assertThat(recent.statusCode()).isEqualTo(200);
        assertThat(json.readTree(recent.body())
                        .valueStream()
                        .map(s -> s.get("signalId").asString()))
                .contains(signal.signalId().toString());

        // Redelivery of the fill, then a later record on the same key (same partition): once that one is
        // recorded, the duplicate has certainly been processed.
        await().atMost(WAIT).until(() -> metric("peregrine_monitor_executions_total", "type=\"FILLED\"") >= 1);
        double filledBefore = metric("peregrine_monitor_executions_total", "type=\"FILLED\"");
        double latenciesBefore = metric("peregrine_monitor_signal_to_fill_latency_seconds_count", "");
        assertThat(latenciesBefore).isGreaterThanOrEqualTo(1);
        send(Topics.EXECUTION_REPORTS, filled);
        OrderRejected marker =
                events.rejected(approved.envelope(), "it-marker-" + UUID.randomUUID(), UUID.randomUUID());
        send(Topics.EXECUTION_REPORTS, marker);
        await().atMost(WAIT).until(() -> count("monitor.executions", correlationId) == 3);
        assertThat(jdbc.sql("select count(*) from monitor.executions where client_order_id = :id")
                        .param("id", clientOrderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(metric("peregrine_monitor_executions_total", "type=\"FILLED\""))
                .isEqualTo(filledBefore);
        JsonNode afterMarker = json.readTree(
                get("/api/v1/trade-flows/" + correlationId, TestTokens.VIEWER).body());
        assertThat(afterMarker.get("executions")).hasSize(3);
        assertThat(afterMarker
                        .get("executions")
                        .valueStream()
                        .filter(report -> report.get("type").asString().equals("REJECTED"))
                        .map(report -> report.get("reason").get("code").asString()))
                .containsExactly("INSUFFICIENT_BALANCE");
        assertThat(metric("peregrine_monitor_signal_to_fill_latency_seconds_count", ""))
                .isEqualTo(latenciesBefore);

        String prometheus = prometheus();
        assertThat(metric(prometheus, "peregrine_monitor_signals_total", "strategy=\"" + TestEvents.STRATEGY + "\""))
                .isPositive();
        assertThat(metric(prometheus, "peregrine_monitor_decisions_total", "outcome=\"APPROVED\""))
                .isPositive();
        assertThat(metric(prometheus, "peregrine_monitor_executions_total", "type=\"ACCEPTED\""))
                .isPositive();
        assertThat(metric(prometheus, "peregrine_monitor_fills_notional_count", "symbol=\"MONUSDT\""))
                .isPositive();
        assertThat(metric(prometheus, "peregrine_monitor_fees_total", "asset=\"USDT\""))
                .isPositive();
    }

    @Test
    void aMalformedReportIsDeadLetteredAndTheNextOneIsRecorded() throws Exception {
        TestEvents events = new TestEvents("DLTMONUSDT", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        SignalValidated signal = events.signal(UUID.randomUUID());
        OrderRejected valid = events.rejected(signal.envelope(), "it-dlt-" + UUID.randomUUID(), UUID.randomUUID());

        RawRecords.send(bootstrap, Topics.EXECUTION_REPORTS, "DLTMONUSDT", "{\"type\":\"OrderFilled\",\"envelope\":");
        send(Topics.EXECUTION_REPORTS, valid);

        try (TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(Topics.EXECUTION_REPORTS))) {
            List<ConsumerRecord<String, String>> dead =
                    deadLetters.awaitMatching(1, record -> "DLTMONUSDT".equals(record.key()), WAIT);
            assertThat(DeadLetterRouting.describe(dead.getFirst())).contains("ExecutionReportEvent");
        }
        await().atMost(WAIT)
                .until(() -> jdbc.sql("select count(*) from monitor.executions where event_id = :id")
                                .param("id", valid.envelope().eventId())
                                .query(Long.class)
                                .single()
                        == 1);
    }

    @Test
    void badRequestsGetClearProblems() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/trade-flows/" + UUID.randomUUID(), TestTokens.VIEWER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no trade flow recorded");
        HttpResponse<String> notAUuid = get("/api/v1/trade-flows/not-a-uuid", TestTokens.VIEWER);
        assertThat(notAUuid.statusCode()).isEqualTo(400);
        assertThat(notAUuid.body()).contains("correlationId must be a UUID");
        HttpResponse<String> tooMany = get("/api/v1/signals?limit=1001", TestTokens.VIEWER);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("limit must be between 1 and 100");
        assertThat(get("/api/v1/signals?limit=many", TestTokens.VIEWER).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/signals", null).statusCode()).isEqualTo(401);
        HttpResponse<String> viewerWrites = ServiceApi.at(port).asViewer().post("/api/v1/signals", "{}");
        assertThat(viewerWrites.statusCode()).isEqualTo(403);
    }

    private void send(String topic, PeregrineEvent event) {
        RawRecords.send(bootstrap, topic, event.key(), codec.encode(event));
    }

    private long count(String table, UUID correlationId) {
        return jdbc.sql("select count(*) from " + table + " where correlation_id = :id")
                .param("id", correlationId)
                .query(Long.class)
                .single();
    }

    /** GET {@code path} with {@code token}, or anonymously when it is null. */
    private HttpResponse<String> get(String path, String token) {
        return ServiceApi.at(port).as(token).get(path);
    }

    private String prometheus() {
        return ServiceApi.at(managementPort).getOk("/actuator/prometheus");
    }

    private double metric(String name, String labelFragment) {
        return metric(prometheus(), name, labelFragment);
    }

    /** Sum of the samples of {@code name} whose labels contain {@code labelFragment}; 0 when there are none. */
    private static double metric(String prometheus, String name, String labelFragment) {
        return prometheus
                .lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(labelFragment))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
