package dev.peregrine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderCanceled;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.execution.domain.ProtectivePair;
import dev.peregrine.execution.fixtures.Events;
import dev.peregrine.testkit.OpenApiConformance;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

// Closed after the class: another context of this service (BinanceExecutionServiceIT) consumes the same topics.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@PeregrineIntegrationTest
@SpringBootTest(
        classes = ExecutionServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,execution-service", "management.server.port=0"})
class ExecutionServiceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** notBefore of every intent here: the close of a 15m signal candle. */
    private static final Instant T = Instant.parse("2024-05-01T10:14:59.999Z");

    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void theOpenApiDescriptionIsServedToAViewerAndMatchesTheControllers() throws Exception {
        OpenApiConformance.assertDescribesTheControllers(context, port, TestTokens.VIEWER);
    }

    private static CandleClosed signalCandle(String symbol) {
        return Events.candle(symbol, T.minus(Duration.ofMinutes(15)).plusMillis(1), "99.5");
    }

    private static CandleClosed nextCandle(String symbol) {
        return Events.candle(symbol, T.plusMillis(1), "100.12345678");
    }

    private void send(String topic, PeregrineEvent event) {
        RawRecords.send(bootstrap, topic, event.key(), codec.encode(event));
    }

    private <T extends ExecutionReportEvent> T awaitReport(TopicProbe reports, Class<T> type, String clientOrderId) {
        return awaitReports(reports, type, clientOrderId, 1).getFirst();
    }

    private <T extends ExecutionReportEvent> List<T> awaitReports(
            TopicProbe reports, Class<T> type, String clientOrderId, int count) {
        return reports
                .awaitMatching(
                        count,
                        record -> {
                            ExecutionReportEvent report = codec.decode(record.value(), ExecutionReportEvent.class);
                            return type.isInstance(report)
                                    && report.clientOrderId().equals(clientOrderId);
                        },
                        TIMEOUT)
                .stream()
                .map(record -> type.cast(codec.decode(record.value(), ExecutionReportEvent.class)))
                .toList();
    }

    @Test
    void anIntentFillsAtTheNextCandlesOpenOnceAndIsStoredWithItsAuditTrail() {
        OrderIntentCreated intent = Events.marketIntent("EXEUSDT", "it-exe-1", "0.5", T);
        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS)) {
            send(Topics.ORDERS_INTENTS, intent);
            OrderAccepted accepted = awaitReport(reports, OrderAccepted.class, "it-exe-1");
            assertThat(accepted.envelope().correlationId())
                    .isEqualTo(intent.envelope().correlationId());
            assertThat(accepted.venue()).isEqualTo("paper");

            send(Topics.MARKET_CANDLES, signalCandle("EXEUSDT"));
            send(Topics.MARKET_CANDLES, nextCandle("EXEUSDT"));
            OrderFilled filled = awaitReport(reports, OrderFilled.class, "it-exe-1");

            assertThat(filled.fillPrice()).isEqualTo(Price.of("100.12345678"));
            assertThat(filled.fee()).isEqualTo(Money.of("0.05006173", "USDT"));
            assertThat(filled.intentId()).isEqualTo(intent.intentId());
            assertThat(filled.venueOrderId()).startsWith("paper-");
            assertThat(filled.envelope().correlationId())
                    .isEqualTo(intent.envelope().correlationId());
            assertThat(filled.envelope().causationId())
                    .isEqualTo(intent.envelope().eventId());

            Map<String, Object> row = jdbc.sql("""
                            select state, fill_price, fee, fee_asset, venue, venue_order_id, correlation_id, causation_id,
                                   settled_at from execution.orders where client_order_id = 'it-exe-1'""").query().singleRow();
            assertThat(row.get("state")).isEqualTo("FILLED");
            assertThat((BigDecimal) row.get("fill_price")).isEqualByComparingTo("100.12345678");
            assertThat((BigDecimal) row.get("fee")).isEqualByComparingTo("0.05006173");
            assertThat(row.get("fee_asset")).isEqualTo("USDT");
            assertThat(row.get("venue_order_id")).isEqualTo(filled.venueOrderId());
            assertThat(row.get("correlation_id")).isEqualTo(intent.envelope().correlationId());
            assertThat(row.get("causation_id")).isEqualTo(intent.envelope().eventId());
            assertThat(jdbc.sql("select settled_at from execution.orders where client_order_id = 'it-exe-1'")
                            .query(OffsetDateTime.class)
                            .single())
                    .isEqualTo(OffsetDateTime.ofInstant(T.plusMillis(1), ZoneOffset.UTC));
            assertThat(trail("it-exe-1"))
                    .containsExactly("null>PENDING_SUBMIT", "PENDING_SUBMIT>ACCEPTED", "ACCEPTED>FILLED");

            // The same intent again: nothing new is stored; its reports are published once more.
            send(Topics.ORDERS_INTENTS, intent);
            awaitReports(reports, OrderFilled.class, "it-exe-1", 2);
            assertThat(jdbc.sql("select count(*) from execution.orders where intent_id = :id")
                            .param("id", intent.intentId())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
            assertThat(trail("it-exe-1")).hasSize(3);
        }
    }

    @Test
    void aCandleThatArrivesBeforeTheIntentStillFillsIt() {
        send(Topics.MARKET_CANDLES, signalCandle("EXBUSDT"));
        send(Topics.MARKET_CANDLES, nextCandle("EXBUSDT"));
        await().atMost(TIMEOUT)
                .until(() -> jdbc.sql("select count(*) from execution.market_candles where symbol = 'EXBUSDT'")
                                .query(Long.class)
                                .single()
                        == 2L);
        assertThat(jdbc.sql("""
                        select open from execution.market_candles where symbol = 'EXBUSDT' and open_time = :t""")
                        .param("t", OffsetDateTime.ofInstant(T.plusMillis(1), ZoneOffset.UTC))
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("100.12345678");

        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS)) {
            send(Topics.ORDERS_INTENTS, Events.marketIntent("EXBUSDT", "it-exb-1", "0.5", T));

            OrderFilled filled = awaitReport(reports, OrderFilled.class, "it-exb-1");
            assertThat(filled.fillPrice()).isEqualTo(Price.of("100.12345678"));
            assertThat(filled.fee()).isEqualTo(Money.of("0.05006173", "USDT"));
            assertThat(trail("it-exb-1"))
                    .containsExactly("null>PENDING_SUBMIT", "PENDING_SUBMIT>ACCEPTED", "ACCEPTED>FILLED");
        }
    }

    @Test
    void aProtectedEntryIsStoppedOutOneCandleLaterAndAnExitAfterThatFindsNothingHeld() throws Exception {
        OrderIntentCreated entry = Events.protectedEntry("EXSUSDT", "it-exs-1", "0.5", T, "95", "110");
        String stopId = ProtectivePair.clientOrderIdOf(OrderPurpose.STOP_LOSS, "it-exs-1");
        String targetId = ProtectivePair.clientOrderIdOf(OrderPurpose.TAKE_PROFIT, "it-exs-1");
        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS)) {
            send(Topics.ORDERS_INTENTS, entry);
            awaitReport(reports, OrderAccepted.class, "it-exs-1");
            send(Topics.MARKET_CANDLES, Events.candle("EXSUSDT", T.plusMillis(1), "100", "101", "99", "100.5"));

            OrderFilled entryFill = awaitReport(reports, OrderFilled.class, "it-exs-1");
            assertThat(entryFill.purpose()).isEqualTo(OrderPurpose.ENTRY);
            assertThat(entryFill.fillPrice().value()).as("100 + 2 bps slippage").isEqualByComparingTo("100.02");
            assertThat(entryFill.fee()).isEqualTo(Money.of("0.05001000", "USDT"));
            OrderAccepted stopAccepted = awaitReport(reports, OrderAccepted.class, stopId);
            assertThat(stopAccepted.quantity()).isEqualTo(entryFill.quantity());
            assertThat(stopAccepted.envelope().correlationId())
                    .isEqualTo(entry.envelope().correlationId());
            awaitReport(reports, OrderAccepted.class, targetId);

            send(
                    Topics.MARKET_CANDLES,
                    Events.candle("EXSUSDT", T.plusMillis(1).plus(Duration.ofMinutes(15)), "97", "98", "94", "94.5"));

            OrderFilled stopFill = awaitReport(reports, OrderFilled.class, stopId);
            assertThat(stopFill.purpose()).isEqualTo(OrderPurpose.STOP_LOSS);
            assertThat(stopFill.side()).isEqualTo(Side.SELL);
            assertThat(stopFill.fillPrice().value()).as("95 - 2 bps slippage").isEqualByComparingTo("94.981");
            assertThat(stopFill.quantity()).isEqualTo(entryFill.quantity());
            OrderCanceled targetCanceled = awaitReport(reports, OrderCanceled.class, targetId);
            assertThat(targetCanceled.purpose()).isEqualTo(OrderPurpose.TAKE_PROFIT);
            assertThat(targetCanceled.reason().code()).isEqualTo("OCO_OTHER_LEG_FILLED");
            assertThat(targetCanceled.executedQuantity().isZero()).isTrue();

            send(Topics.ORDERS_INTENTS, Events.exit("EXSUSDT", "it-exs-exit", "0.5", T.plus(Duration.ofMinutes(30))));

            OrderRejected exit = awaitReport(reports, OrderRejected.class, "it-exs-exit");
            assertThat(exit.reason().code()).isEqualTo("NOTHING_HELD");
        }

        assertThat(jdbc.sql("""
                        select client_order_id || ' ' || purpose || ' ' || state || ' ' || coalesce(cancel_code, '-')
                          from execution.orders where symbol = 'EXSUSDT' order by client_order_id""").query(String.class).list())
                .containsExactlyInAnyOrder(
                        "it-exs-1 ENTRY FILLED -",
                        "it-exs-exit EXIT REJECTED -",
                        stopId + " STOP_LOSS FILLED -",
                        targetId + " TAKE_PROFIT CANCELED OCO_OTHER_LEG_FILLED");
        assertThat(trail(targetId))
                .containsExactly("null>PENDING_SUBMIT", "PENDING_SUBMIT>ACCEPTED", "ACCEPTED>CANCELED");
        assertThat(jdbc.sql("""
                        select low from execution.market_candles where symbol = 'EXSUSDT' order by open_time desc limit 1""").query(BigDecimal.class).single()).isEqualByComparingTo("94");

        HttpResponse<String> stop = get("/api/v1/orders/" + stopId, TestTokens.VIEWER);
        assertThat(stop.statusCode()).isEqualTo(200);
        JsonNode order = json.readTree(stop.body()).get("order");
        assertThat(order.get("purpose").asString()).isEqualTo("STOP_LOSS");
        assertThat(order.get("parentClientOrderId").asString()).isEqualTo("it-exs-1");
        assertThat(order.get("referencePrice").asString()).isEqualTo("95");
    }

    @Test
    void aMalformedIntentIsDeadLetteredAndTheNextOneIsProcessed() {
        String malformed = "{\"type\":\"OrderIntentCreated\",\"clientOrderId\":\"it-exd-broken\"";
        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS);
                TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(Topics.ORDERS_INTENTS))) {
            RawRecords.send(bootstrap, Topics.ORDERS_INTENTS, "EXDUSDT", malformed);
            send(Topics.ORDERS_INTENTS, Events.marketIntent("EXDUSDT", "it-exd-1", "0.5", T));

            List<ConsumerRecord<String, String>> dead =
                    deadLetters.awaitMatching(1, record -> malformed.equals(record.value()), TIMEOUT);
            assertThat(dead).singleElement().extracting(ConsumerRecord::key).isEqualTo("EXDUSDT");
            assertThat(awaitReport(reports, OrderAccepted.class, "it-exd-1")
                            .symbol()
                            .value())
                    .isEqualTo("EXDUSDT");
        }
    }

    @Test
    void ordersAreReadableWithTheViewerTokenOnly() throws Exception {
        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS)) {
            send(Topics.ORDERS_INTENTS, Events.intent("EXRUSDT", "it-exr-1", OrderType.LIMIT, "1", "100", T));
            assertThat(awaitReport(reports, OrderRejected.class, "it-exr-1")
                            .reason()
                            .code())
                    .isEqualTo("UNSUPPORTED_ORDER_TYPE");
        }

        HttpResponse<String> list = get("/api/v1/orders?symbol=EXRUSDT&state=REJECTED", TestTokens.VIEWER);
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode orders = json.readTree(list.body());
        assertThat(orders.size()).isEqualTo(1);
        assertThat(orders.get(0).get("clientOrderId").asString()).isEqualTo("it-exr-1");
        assertThat(orders.get(0).get("rejectReason").get("code").asString()).isEqualTo("UNSUPPORTED_ORDER_TYPE");
        assertThat(orders.get(0).get("quantity").asString()).isEqualTo("1");

        HttpResponse<String> detail = get("/api/v1/orders/it-exr-1", TestTokens.VIEWER);
        assertThat(detail.statusCode()).isEqualTo(200);
        JsonNode events = json.readTree(detail.body()).get("events");
        assertThat(events.size()).isEqualTo(2);
        assertThat(events.get(0).get("to").asString()).isEqualTo("PENDING_SUBMIT");
        assertThat(events.get(1).get("from").asString()).isEqualTo("PENDING_SUBMIT");
        assertThat(events.get(1).get("to").asString()).isEqualTo("REJECTED");

        assertThat(get("/api/v1/orders/no-such-order", TestTokens.VIEWER).statusCode())
                .isEqualTo(404);
        HttpResponse<String> badState = get("/api/v1/orders?state=HALF_FILLED", TestTokens.VIEWER);
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("unknown order state");
        assertThat(get("/api/v1/orders?symbol=not-a-symbol!", TestTokens.VIEWER).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/orders", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/orders", "wrong-token-0123456789").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/orders", TestTokens.OPERATOR).statusCode()).isEqualTo(200);
        HttpResponse<String> post = ServiceApi.at(port).asViewer().post("/api/v1/orders", "{}");
        assertThat(post.statusCode()).as("state-changing methods need OPERATOR").isEqualTo(403);
    }

    @Test
    void fillsAreCountedOnThePrometheusEndpoint() throws Exception {
        try (TopicProbe reports = TopicProbe.open(bootstrap, Topics.EXECUTION_REPORTS)) {
            send(Topics.ORDERS_INTENTS, Events.marketIntent("EXMUSDT", "it-exm-1", "2", T));
            send(Topics.MARKET_CANDLES, nextCandle("EXMUSDT"));
            awaitReport(reports, OrderFilled.class, "it-exm-1");
        }

        HttpResponse<String> scrape = ServiceApi.at(managementPort).get("/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(metric(scrape.body(), "peregrine_execution_fills_total", "symbol=\"EXMUSDT\""))
                .isEqualTo(1.0);
        assertThat(metric(scrape.body(), "peregrine_execution_fills_total", "purpose=\"ENTRY\""))
                .isPositive();
        assertThat(metric(scrape.body(), "peregrine_execution_orders_total", "state=\"FILLED\""))
                .isPositive();
        assertThat(metric(scrape.body(), "peregrine_execution_fees_count", "asset=\"USDT\""))
                .isPositive();
        assertThat(metric(scrape.body(), "peregrine_execution_fill_latency_seconds_count", ""))
                .isPositive();
        assertThat(metric(scrape.body(), "peregrine_execution_slippage_cost_count", "purpose=\"ENTRY\""))
                .isPositive();
    }

    private List<String> trail(String clientOrderId) {
        return jdbc.sql("""
                        select coalesce(from_state, 'null') || '>' || to_state from execution.order_events
                        where client_order_id = :id order by seq""").param("id", clientOrderId).query(String.class).list();
    }

    /** GET {@code path} with {@code token}, or anonymously when it is null. */
    private HttpResponse<String> get(String path, String token) {
        return ServiceApi.at(port).as(token).get(path);
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    private static double metric(String scrape, String name, String label) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$")
                .matcher(scrape);
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no sample " + name + " with " + label + " in the scrape");
    }
}
