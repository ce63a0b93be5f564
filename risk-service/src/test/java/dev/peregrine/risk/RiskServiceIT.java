package dev.peregrine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.RiskDecisionEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.event.TradeDenied;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.RiskUseCases;
import dev.peregrine.risk.application.RollingCorrelationGroups;
import dev.peregrine.risk.application.port.in.ViewPortfolio;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.application.port.out.InstrumentBook;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.config.RiskProperties;
import dev.peregrine.risk.domain.control.CapitalRamp;
import dev.peregrine.risk.domain.correlation.CorrelationGroupsPolicy;
import dev.peregrine.risk.fixtures.RecordingRiskEvents;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

@PeregrineIntegrationTest
@SpringBootTest(
        classes = RiskServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,risk-service", "management.server.port=0"})
// The methods share one book (one risk schema): they run in this order, and the last ones move the market day on.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskServiceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    RiskLedger ledger;

    @Autowired
    DecisionStore decisionStore;

    @Autowired
    InstrumentBook instrumentBook;

    @Autowired
    RiskMetrics riskMetrics;

    @Autowired
    ViewPortfolio viewPortfolio;

    @Autowired
    RiskProperties properties;

    @Autowired
    IdGenerator idGenerator;

    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @Test
    @Order(1)
    void approvesSizesAndDeniesSignalsIdempotentlyAndServesTheDecisions() throws Exception {
        Symbol symbol = Symbol.of("RSKUSDT");
        // base 10000 x 0.01 / stop distance 5 = 20 units, capped at 5 (5% of equity at 100), x confidence 0.5
        // = 2.5 units on the instrument's 0.001 steps; 12.5 at risk.
        publishInstrument(symbol);
        SignalValidated trade = signal(symbol, "trade", RecommendedAction.TRADE, true);
        SignalValidated skip = signal(symbol, "skip", RecommendedAction.SKIP, false);
        SignalValidated paused = signal(symbol, "paused", RecommendedAction.TRADE, false);

        try (TopicProbe decisions = TopicProbe.open(bootstrap, Topics.RISK_DECISIONS);
                TopicProbe intents = TopicProbe.open(bootstrap, Topics.ORDERS_INTENTS)) {
            send(trade);
            send(skip);
            send(paused);

            TradeApproved approved = (TradeApproved)
                    decode(decisions.awaitMatching(1, about(trade), TIMEOUT).getFirst());
            UUID decisionId = DerivedIds.from("decision", trade.signalId());
            assertThat(approved.decisionId()).isEqualTo(decisionId);
            assertThat(approved.quantity()).isEqualTo(Quantity.of("2.5"));
            assertThat(approved.riskAmount().amount()).isEqualByComparingTo("12.5");
            assertThat(approved.riskAmount().currency()).isEqualTo("USDT");
            assertThat(approved.envelope().correlationId())
                    .isEqualTo(trade.envelope().correlationId());
            assertThat(approved.envelope().causationId())
                    .isEqualTo(trade.envelope().eventId());

            OrderIntentCreated intent = CODEC.decode(
                    intents.awaitMatching(1, about(trade), TIMEOUT).getFirst().value(), OrderIntentCreated.class);
            UUID intentId = DerivedIds.from("intent", decisionId);
            assertThat(intent.intentId()).isEqualTo(intentId);
            assertThat(intent.clientOrderId())
                    .isEqualTo("pg-" + intentId.toString().replace("-", ""));
            assertThat(intent.orderType()).isEqualTo(OrderType.MARKET);
            assertThat(intent.quantity()).isEqualTo(Quantity.of("2.5"));
            assertThat(intent.notBefore()).isEqualTo(trade.candleCloseTime());
            assertThat(intent.envelope().correlationId())
                    .isEqualTo(trade.envelope().correlationId());
            assertThat(intent.envelope().causationId())
                    .isEqualTo(approved.envelope().eventId());

            TradeDenied skipDenied = (TradeDenied)
                    decode(decisions.awaitMatching(1, about(skip), TIMEOUT).getFirst());
            assertThat(skipDenied.reasons())
                    .extracting(Reason::code)
                    .containsExactly("ACTION_SKIP", "SIGNAL_NOT_TRADEABLE");
            assertThat(skipDenied.envelope().correlationId())
                    .isEqualTo(skip.envelope().correlationId());
            TradeDenied pausedDenied = (TradeDenied)
                    decode(decisions.awaitMatching(1, about(paused), TIMEOUT).getFirst());
            assertThat(pausedDenied.reasons()).extracting(Reason::code).containsExactly("SIGNAL_NOT_TRADEABLE");
            assertThat(intents.poll()).filteredOn(about(skip).or(about(paused))).isEmpty();

            Map<String, Object> row =
                    jdbc.sql("""
                            SELECT decision_id, outcome, quantity, risk_amount, entry_price, stop_price, correlation_id,
                                   causation_id, reasons::text AS reasons
                            FROM risk.decisions WHERE signal_id = :signalId""").param("signalId", trade.signalId()).query().singleRow();
            assertThat(row.get("decision_id")).isEqualTo(decisionId);
            assertThat(row.get("outcome")).isEqualTo("APPROVED");
            assertThat((BigDecimal) row.get("quantity")).isEqualByComparingTo("2.5");
            assertThat((BigDecimal) row.get("risk_amount")).isEqualByComparingTo("12.5");
            assertThat((BigDecimal) row.get("entry_price")).isEqualByComparingTo("100");
            assertThat((BigDecimal) row.get("stop_price")).isEqualByComparingTo("95");
            assertThat(row.get("correlation_id")).isEqualTo(trade.envelope().correlationId());
            assertThat(row.get("causation_id")).isEqualTo(trade.envelope().eventId());
            assertThat((String) row.get("reasons")).contains("RISK_BUDGET");
            assertThat(jdbc.sql("SELECT outcome FROM risk.decisions WHERE signal_id IN (:skip, :paused)")
                            .param("skip", skip.signalId())
                            .param("paused", paused.signalId())
                            .query(String.class)
                            .list())
                    .hasSize(2)
                    .containsOnly("DENIED");
            Map<String, Object> intentRow =
                    jdbc.sql("""
                            SELECT client_order_id, decision_id, quantity, correlation_id
                            FROM risk.order_intents WHERE intent_id = :intentId""").param("intentId", intentId).query().singleRow();
            assertThat(intentRow.get("client_order_id")).isEqualTo(intent.clientOrderId());
            assertThat(intentRow.get("decision_id")).isEqualTo(decisionId);
            assertThat((BigDecimal) intentRow.get("quantity")).isEqualByComparingTo("2.5");
            assertThat(intentRow.get("correlation_id"))
                    .isEqualTo(trade.envelope().correlationId());

            // Redelivery: the same signal again is answered with the same decision and stores nothing new; its intent,
            // acknowledged by the broker the first time (published_at), is not sent again.
            assertThat(jdbc.sql("SELECT published_at IS NOT NULL FROM risk.order_intents WHERE intent_id = :intentId")
                            .param("intentId", intentId)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            send(trade);
            assertThat(decisions.awaitMatching(2, about(trade), TIMEOUT))
                    .extracting(record -> decode(record).decisionId())
                    .containsOnly(decisionId);
            assertThat(intents.poll()).filteredOn(about(trade)).hasSize(1);
            assertThat(decisionRows(trade, skip, paused)).isEqualTo(3);
            assertThat(jdbc.sql("SELECT count(*) FROM risk.order_intents WHERE decision_id = :decisionId")
                            .param("decisionId", decisionId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }

        HttpResponse<String> latest = get("/api/v1/decisions?symbol=RSKUSDT&limit=50", TestTokens.VIEWER);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body())
                .contains(
                        trade.signalId().toString(),
                        skip.signalId().toString(),
                        paused.signalId().toString(),
                        "\"quantity\":\"2.5\"",
                        "ACTION_SKIP");

        HttpResponse<String> one = get("/api/v1/decisions/" + trade.signalId(), TestTokens.OPERATOR);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body())
                .contains(
                        "\"outcome\":\"APPROVED\"",
                        trade.envelope().correlationId().toString());

        assertThat(get("/api/v1/decisions?symbol=RSKUSDT", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/decisions/" + UUID.randomUUID(), TestTokens.VIEWER)
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> badSymbol = get("/api/v1/decisions?symbol=not-a-symbol", TestTokens.VIEWER);
        assertThat(badSymbol.statusCode()).isEqualTo(400);
        assertThat(badSymbol.body()).contains("symbol");
        assertThat(get("/api/v1/decisions", TestTokens.VIEWER).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/decisions?symbol=RSKUSDT&limit=0", TestTokens.VIEWER)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/decisions/not-a-uuid", TestTokens.VIEWER).statusCode())
                .isEqualTo(400);
        // The decision API is read-only: no method but GET is served, and a viewer may not even try one.
        HttpResponse<String> viewerPost = ServiceApi.at(port).asViewer().post("/api/v1/decisions", null);
        assertThat(viewerPost.statusCode()).isEqualTo(403);

        String metrics =
                ServiceApi.at(managementPort).get("/actuator/prometheus").body();
        assertThat(counter(metrics, "peregrine_risk_decisions_total", "outcome=\"APPROVED\""))
                .isGreaterThan(0);
        assertThat(counter(metrics, "peregrine_risk_decisions_total", "reason=\"ACTION_SKIP\""))
                .isGreaterThan(0);
        assertThat(counter(metrics, "peregrine_risk_approved_notional_count", ""))
                .isGreaterThan(0);
        assertThat(counter(metrics, "peregrine_risk_decision_latency_seconds_count", ""))
                .isGreaterThan(0);
    }

    @Test
    @Order(3)
    void fillsBuildThePortfolioAndOnlyAnOperatorsKillSwitchFlattensIt() throws Exception {
        Symbol symbol = Symbol.of("RSKPFUSDT");
        publishInstrument(symbol);
        SignalValidated buy = signal(symbol, "portfolio", RecommendedAction.TRADE, true);
        try (TopicProbe intents = TopicProbe.open(bootstrap, Topics.ORDERS_INTENTS)) {
            send(buy);
            OrderIntentCreated entry = CODEC.decode(
                    intents.awaitMatching(1, about(buy), TIMEOUT).getFirst().value(), OrderIntentCreated.class);
            assertThat(entry.purpose()).isEqualTo(OrderPurpose.ENTRY);
            // Stop 95 from the signal; take-profit at 2 x the stop distance above the entry.
            assertThat(entry.stopLoss()).isEqualTo(Price.of("95"));
            assertThat(entry.takeProfit()).isEqualTo(Price.of("110"));

            OrderFilled fill = new OrderFilled(
                    Envelope.causedBy(
                            entry.envelope(),
                            UUID.randomUUID(),
                            entry.notBefore().plusMillis(1),
                            entry.notBefore().plusMillis(30)),
                    entry.clientOrderId(),
                    entry.intentId(),
                    entry.strategyId(),
                    symbol,
                    Side.BUY,
                    entry.quantity(),
                    Price.of("100"),
                    Money.of("0.25", "USDT"),
                    "paper",
                    "paper-1",
                    OrderPurpose.ENTRY);
            RawRecords.send(bootstrap, Topics.EXECUTION_REPORTS, symbol.value(), CODEC.encode(fill));
            // Redelivered: applied once.
            RawRecords.send(bootstrap, Topics.EXECUTION_REPORTS, symbol.value(), CODEC.encode(fill));
            await().atMost(TIMEOUT)
                    .untilAsserted(
                            () -> assertThat(get("/api/v1/positions?status=open&symbol=RSKPFUSDT", TestTokens.VIEWER)
                                            .body())
                                    .contains("\"symbol\":\"RSKPFUSDT\"", "\"quantity\":2.5"));
            HttpResponse<String> portfolio = get("/api/v1/portfolio", TestTokens.VIEWER);
            assertThat(portfolio.statusCode()).isEqualTo(200);
            assertThat(portfolio.body()).contains("\"breakerState\":\"ACTIVE\"", "RSKPFUSDT");
            assertThat(get("/api/v1/risk/limits", TestTokens.VIEWER).body())
                    .contains("MAX_POSITION_FRACTION", "MAX_GROUP_FRACTION");
            assertThat(jdbc.sql("SELECT count(*) FROM risk.applied_facts WHERE fact_key = :key")
                            .param("key", "filled:" + entry.clientOrderId())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);

            HttpResponse<String> whatIf = call(
                    "POST",
                    "/api/v1/risk/evaluate",
                    TestTokens.VIEWER,
                    "{\"strategyId\":\"what-if\",\"symbol\":\"RSKPFUSDT\",\"entryPrice\":\"100\",\"stopPrice\":\"95\","
                            + "\"confidence\":1}");
            assertThat(whatIf.statusCode()).isEqualTo(200);
            assertThat(whatIf.body()).contains("\"outcome\":\"APPROVED\"", "MAX_POSITION_FRACTION");
            assertThat(call("POST", "/api/v1/risk/evaluate", TestTokens.VIEWER, "{")
                            .statusCode())
                    .isEqualTo(400);

            String reason = "{\"reason\":\"exchange incident drill\"}";
            assertThat(call("POST", "/api/v1/risk/kill-switch", null, reason).statusCode())
                    .isEqualTo(401);
            assertThat(call("POST", "/api/v1/risk/kill-switch", TestTokens.VIEWER, reason)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(call("POST", "/api/v1/risk/breaker/reset", TestTokens.VIEWER, reason)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(call("POST", "/api/v1/risk/kill-switch", TestTokens.OPERATOR, "{}")
                            .statusCode())
                    .isEqualTo(400);
            HttpResponse<String> on = call("POST", "/api/v1/risk/kill-switch", TestTokens.ALICE, reason);
            assertThat(on.statusCode()).isEqualTo(200);
            assertThat(on.body()).contains("KILL_SWITCH", "exchange incident drill");

            OrderIntentCreated exit = CODEC.decode(
                    intents.awaitMatching(
                                    1,
                                    record -> record.value().contains("\"EXIT\"")
                                            && record.value().contains("RSKPFUSDT"),
                                    TIMEOUT)
                            .getFirst()
                            .value(),
                    OrderIntentCreated.class);
            assertThat(exit.side()).isEqualTo(Side.SELL);
            assertThat(exit.quantity()).isEqualTo(entry.quantity());
            assertThat(exit.exitReason().code()).isEqualTo("KILL_SWITCH_FLATTEN");
            // Entries still in flight (the earlier tests' unfilled ones) are asked to be canceled.
            assertThat(intents.awaitMatching(1, record -> record.value().contains("\"OrderCancelRequested\""), TIMEOUT))
                    .isNotEmpty();
            assertThat(get("/api/v1/portfolio", TestTokens.VIEWER).body()).contains("\"killSwitch\":true");
            assertThat(jdbc.sql(
                                    "SELECT actor FROM risk.control_events WHERE control = 'KILL_SWITCH' AND to_state = 'ON'")
                            .query(String.class)
                            .list())
                    .as("the audit names the caller")
                    .containsExactly(TestTokens.ALICE_NAME);

            assertThat(call("DELETE", "/api/v1/risk/kill-switch", TestTokens.OPERATOR, "{\"reason\":\"drill over\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(jdbc.sql(
                                    "SELECT actor FROM risk.control_events WHERE control = 'KILL_SWITCH' AND to_state = 'OFF'")
                            .query(String.class)
                            .list())
                    .as("the role token's caller is named operator")
                    .containsExactly("operator");
            assertThat(get("/api/v1/portfolio", TestTokens.VIEWER).body()).contains("\"killSwitch\":false");
        }
    }

    @Test
    @Order(4)
    void theBreakerTripsAtTheLossBlocksEntriesAllowsExitsAndResetsByRestAndAfterItsCooldown() throws Exception {
        Symbol symbol = Symbol.of("RSKBRUSDT");
        Symbol other = Symbol.of("RSKBR2USDT");
        publishInstrument(symbol);
        publishInstrument(other);
        SignalValidated buy = signal(symbol, "breaker", RecommendedAction.TRADE, true, 1.0);
        try (TopicProbe intents = TopicProbe.open(bootstrap, Topics.ORDERS_INTENTS);
                TopicProbe decisions = TopicProbe.open(bootstrap, Topics.RISK_DECISIONS);
                TopicProbe portfolio = TopicProbe.open(bootstrap, Topics.RISK_PORTFOLIO);
                TopicProbe alerts = TopicProbe.open(bootstrap, Topics.ALERTS)) {
            send(buy);
            OrderIntentCreated entry = CODEC.decode(
                    intents.awaitMatching(1, about(buy), TIMEOUT).getFirst().value(), OrderIntentCreated.class);
            fill(entry, "100");
            await().atMost(TIMEOUT)
                    .untilAsserted(
                            () -> assertThat(get("/api/v1/positions?status=open&symbol=RSKBRUSDT", TestTokens.VIEWER)
                                            .body())
                                    .contains("RSKBRUSDT"));

            // About 5 units at 100 falling to 55: a loss of about 225, over 2% of the day's equity.
            candle(symbol, "55", Instant.parse("2024-05-01T10:44:59.999Z"));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(
                                    get("/api/v1/portfolio", TestTokens.VIEWER).body())
                            .contains("\"breakerState\":\"HALTED\""));
            assertThat(portfolio.awaitMatching(
                            1,
                            r -> r.value().contains("RiskControlChanged")
                                    && r.value().contains("\"to\":\"HALTED\""),
                            TIMEOUT))
                    .hasSize(1);
            assertThat(alerts.awaitMatching(1, r -> r.value().contains("DAILY_LOSS_BREAKER_HALTED"), TIMEOUT))
                    .hasSize(1);

            SignalValidated blocked = signal(other, "while-halted", RecommendedAction.TRADE, true, 1.0);
            send(blocked);
            TradeDenied denied = (TradeDenied)
                    decode(decisions.awaitMatching(1, about(blocked), TIMEOUT).getFirst());
            assertThat(denied.reasons()).extracting(Reason::code).contains("DAILY_LOSS_HALTED");
            SignalValidated exit = sellSignal(symbol, "exit-while-halted", Instant.parse("2024-05-01T10:44:59.999Z"));
            send(exit);
            assertThat(decode(decisions.awaitMatching(1, about(exit), TIMEOUT).getFirst()))
                    .isInstanceOf(TradeApproved.class);
            OrderIntentCreated sell = CODEC.decode(
                    intents.awaitMatching(1, about(exit), TIMEOUT).getFirst().value(), OrderIntentCreated.class);
            assertThat(sell.purpose()).isEqualTo(OrderPurpose.EXIT);

            HttpResponse<String> reset = call(
                    "POST",
                    "/api/v1/risk/breaker/reset",
                    TestTokens.OPERATOR,
                    "{\"reason\":\"reviewed: a test crash\"}");
            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(reset.body()).contains("\"to\":\"ACTIVE\"", "reviewed: a test crash");
            assertThat(get("/api/v1/portfolio", TestTokens.VIEWER).body()).contains("\"breakerState\":\"ACTIVE\"");

            // The rest of the position falls again from the reset's equity: halted, then the next UTC day resumes.
            candle(symbol, "1", Instant.parse("2024-05-01T11:14:59.999Z"));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(
                                    get("/api/v1/portfolio", TestTokens.VIEWER).body())
                            .contains("\"breakerState\":\"HALTED\""));
            candle(symbol, "1", Instant.parse("2024-05-02T00:14:59.999Z"));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(
                                    get("/api/v1/portfolio", TestTokens.VIEWER).body())
                            .contains("\"breakerState\":\"ACTIVE\""));
            assertThat(jdbc.sql("""
                            SELECT reason_code FROM risk.control_events WHERE control = 'DAILY_LOSS_BREAKER' ORDER BY id""").query(String.class).list())
                    .containsSubsequence("DAILY_LOSS_LIMIT", "OPERATOR_RESET", "DAILY_LOSS_LIMIT", "COOLDOWN_ELAPSED");

            // The protective stop fills at the venue before the exit does: the position closes on the stop, and the
            // exit, finding nothing held, is rejected and releases what it had reserved.
            Instant stopTime = Instant.parse("2024-05-02T00:15:00Z");
            OrderFilled stop = new OrderFilled(
                    Envelope.causedBy(entry.envelope(), UUID.randomUUID(), stopTime, stopTime),
                    "pg-"
                            + DerivedIds.from("stop-loss", entry.clientOrderId())
                                    .toString()
                                    .replace("-", ""),
                    DerivedIds.from("stop-loss", entry.intentId()),
                    entry.strategyId(),
                    symbol,
                    Side.SELL,
                    entry.quantity(),
                    Price.of("1"),
                    Money.of("0.005", "USDT"),
                    "paper",
                    "paper-stop",
                    OrderPurpose.STOP_LOSS);
            RawRecords.send(bootstrap, Topics.EXECUTION_REPORTS, symbol.value(), CODEC.encode(stop));
            RawRecords.send(
                    bootstrap,
                    Topics.EXECUTION_REPORTS,
                    symbol.value(),
                    CODEC.encode(new OrderRejected(
                            Envelope.causedBy(sell.envelope(), UUID.randomUUID(), stopTime, stopTime),
                            sell.clientOrderId(),
                            sell.intentId(),
                            sell.strategyId(),
                            symbol,
                            Side.SELL,
                            Reason.of("NOTHING_HELD", "stop filled first"),
                            "paper")));
            await().atMost(TIMEOUT)
                    .untilAsserted(
                            () -> assertThat(get("/api/v1/positions?status=closed&symbol=RSKBRUSDT", TestTokens.VIEWER)
                                            .body())
                                    .contains("\"closeReason\":\"STOP_LOSS\""));
            assertThat(get("/api/v1/positions?status=open&symbol=RSKBRUSDT", TestTokens.VIEWER)
                            .body())
                    .isEqualTo("[]");
            assertThat(jdbc.sql("SELECT count(*) FROM risk.anomalies")
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        // Every risk metric the Grafana overview's portfolio panels read is exported.
        String metrics =
                ServiceApi.at(managementPort).get("/actuator/prometheus").body();
        for (String name : List.of(
                "peregrine_risk_equity",
                "peregrine_risk_high_water_mark",
                "peregrine_risk_cash",
                "peregrine_risk_drawdown",
                "peregrine_risk_daily_pnl",
                "peregrine_risk_breaker_state",
                "peregrine_risk_kill_switch",
                "peregrine_risk_open_positions",
                "peregrine_risk_exposure{",
                "peregrine_risk_group_exposure{",
                "peregrine_risk_limit_hits_total{",
                "peregrine_risk_exits_total{",
                "peregrine_risk_control_transitions_total{")) {
            assertThat(metrics).as("metric %s", name).containsPattern("(?m)^" + java.util.regex.Pattern.quote(name));
        }
    }

    @Test
    @Order(5)
    void onlyAnOperatorSetsTheCapitalRampAndTheChangeIsAuditedPublishedAndAlerted() throws Exception {
        try (TopicProbe portfolio = TopicProbe.open(bootstrap, Topics.RISK_PORTFOLIO);
                TopicProbe alerts = TopicProbe.open(bootstrap, Topics.ALERTS)) {
            assertThat(get("/api/v1/risk/capital-ramp", TestTokens.VIEWER).body())
                    .contains("\"off\":true");
            String ramp = "{\"maxOrderNotional\":\"50\",\"maxTotalExposure\":\"200\",\"reason\":\"first live week\"}";

            assertThat(call("PUT", "/api/v1/risk/capital-ramp", null, ramp).statusCode())
                    .isEqualTo(401);
            assertThat(call("PUT", "/api/v1/risk/capital-ramp", TestTokens.VIEWER, ramp)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(call(
                                    "PUT",
                                    "/api/v1/risk/capital-ramp",
                                    TestTokens.OPERATOR,
                                    "{\"maxOrderNotional\":\"-5\",\"reason\":\"typo\"}")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(call("PUT", "/api/v1/risk/capital-ramp", TestTokens.OPERATOR, "{\"maxOrderNotional\":\"50\"}")
                            .statusCode())
                    .as("a reason is required")
                    .isEqualTo(400);
            HttpResponse<String> set = call("PUT", "/api/v1/risk/capital-ramp", TestTokens.ALICE, ramp);

            assertThat(set.statusCode()).isEqualTo(200);
            assertThat(set.body())
                    .contains(
                            "\"control\":\"CAPITAL_RAMP\"", "\"from\":\"off\"", "\"to\":\"order <= 50, total <= 200\"");
            assertThat(get("/api/v1/risk/capital-ramp", TestTokens.VIEWER).body())
                    .contains("\"maxOrderNotional\":50", "\"maxTotalExposure\":200", "\"off\":false");
            assertThat(portfolio.awaitMatching(
                            1,
                            r -> r.value().contains("RiskControlChanged")
                                    && r.value().contains("CAPITAL_RAMP"),
                            TIMEOUT))
                    .hasSize(1);
            assertThat(alerts.awaitMatching(1, r -> r.value().contains("CAPITAL_RAMP_SET"), TIMEOUT))
                    .hasSize(1);
            assertThat(jdbc.sql("SELECT actor, reason_detail FROM risk.control_events WHERE control = 'CAPITAL_RAMP'")
                            .query()
                            .listOfRows())
                    .singleElement()
                    .satisfies(row -> assertThat(row)
                            .containsEntry("actor", TestTokens.ALICE_NAME)
                            .containsEntry("reason_detail", "first live week"));
            assertThat(call("PUT", "/api/v1/risk/capital-ramp", TestTokens.OPERATOR, ramp)
                            .body())
                    .as("no change, no transition")
                    .isEqualTo("[]");
        }
    }

    @Test
    void theOpenApiDescriptionIsServedToAViewerAndMatchesTheControllers() throws Exception {
        OpenApiConformance.assertDescribesTheControllers(context, port, TestTokens.VIEWER);
    }

    @Test
    @Order(6)
    void aRestartedServiceReadsTheIdenticalBookBackFromPostgres() {
        RecordingRiskEvents silent = new RecordingRiskEvents();
        RiskUseCases restarted = RiskUseCases.assemble(
                new RiskUseCases.Ports(
                        ledger,
                        decisionStore,
                        instrumentBook,
                        new RollingCorrelationGroups(CorrelationGroupsPolicy.defaults()),
                        silent,
                        riskMetrics,
                        java.time.Clock.systemUTC(),
                        idGenerator),
                dev.peregrine.risk.config.RiskConfiguration.riskPolicyOf(properties),
                dev.peregrine.risk.config.RiskConfiguration.controlPolicyOf(properties),
                true,
                () -> {
                    throw new AssertionError("the book must be read from the database, not started afresh");
                });

        assertThat(restarted.viewPortfolio().portfolio()).isEqualTo(viewPortfolio.portfolio());
        assertThat(restarted.operateRiskControls().capitalRamp())
                .isEqualTo(new CapitalRamp(new java.math.BigDecimal("50"), new java.math.BigDecimal("200")));
    }

    @Test
    @Order(2)
    void malformedSignalIsDeadLetteredAndTheNextOneIsStillDecided() {
        Symbol symbol = Symbol.of("RSKDLTUSDT");
        String malformed = "{\"type\":\"SignalValidated\",\"signalId\":\"not-a-uuid-" + UUID.randomUUID() + "\"}";
        SignalValidated next = signal(symbol, "after-poison", RecommendedAction.TRADE, true);
        publishInstrument(symbol);

        try (TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(Topics.SIGNALS_VALIDATED));
                TopicProbe decisions = TopicProbe.open(bootstrap, Topics.RISK_DECISIONS)) {
            // Same key, same partition: the valid record queues behind the poison one.
            RawRecords.send(bootstrap, Topics.SIGNALS_VALIDATED, symbol.value(), malformed);
            send(next);

            assertThat(deadLetters.awaitMatching(1, record -> malformed.equals(record.value()), TIMEOUT))
                    .hasSize(1);
            assertThat(decode(decisions.awaitMatching(1, about(next), TIMEOUT).getFirst()))
                    .isInstanceOf(TradeApproved.class);
        }
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(decisionRows(next)).isEqualTo(1));
    }

    private SignalValidated signal(Symbol symbol, String name, RecommendedAction action, boolean tradeable) {
        return signal(symbol, name, action, tradeable, 0.5);
    }

    private SignalValidated sellSignal(Symbol symbol, String name, Instant candleClose) {
        UUID run = UUID.randomUUID();
        Envelope candle = Envelope.root(DerivedIds.from("test-candle", symbol, name, run), candleClose, candleClose);
        Envelope envelope = Envelope.causedBy(
                candle,
                DerivedIds.from("test-signal-event", symbol, name, run),
                candleClose,
                candleClose.plusMillis(120));
        return new SignalValidated(
                envelope,
                DerivedIds.from("signal", symbol, name, run),
                "it-strategy",
                symbol,
                Interval.FIFTEEN_MINUTES,
                candleClose,
                Side.SELL,
                70,
                Grade.B,
                0.8,
                1.0,
                RecommendedAction.TRADE,
                true,
                Price.of("55"),
                Price.of("60"),
                List.of(Reason.of("IT_SIGNAL", name)),
                "RANGING_LOW");
    }

    private void fill(OrderIntentCreated intent, String price) {
        OrderFilled fill = new OrderFilled(
                Envelope.causedBy(
                        intent.envelope(),
                        UUID.randomUUID(),
                        intent.notBefore().plusMillis(1),
                        intent.notBefore().plusMillis(30)),
                intent.clientOrderId(),
                intent.intentId(),
                intent.strategyId(),
                intent.symbol(),
                intent.side(),
                intent.quantity(),
                Price.of(price),
                Money.of("0.5", "USDT"),
                "paper",
                "paper-" + intent.clientOrderId(),
                intent.purpose());
        RawRecords.send(bootstrap, Topics.EXECUTION_REPORTS, intent.symbol().value(), CODEC.encode(fill));
    }

    private void candle(Symbol symbol, String close, Instant closeTime) {
        Price price = Price.of(close);
        CandleClosed candle = new CandleClosed(
                Envelope.root(UUID.randomUUID(), closeTime, closeTime),
                symbol,
                Interval.FIFTEEN_MINUTES,
                closeTime.minusSeconds(900).plusMillis(1),
                closeTime,
                price,
                price,
                price,
                price,
                Quantity.of("1"),
                Quantity.of("1"),
                1,
                Quantity.of("0.5"),
                Quantity.of("0.5"),
                "it",
                List.of());
        RawRecords.send(bootstrap, Topics.MARKET_CANDLES, symbol.value(), CODEC.encode(candle));
    }

    private SignalValidated signal(
            Symbol symbol, String name, RecommendedAction action, boolean tradeable, double confidence) {
        // Unique per run: the broker and database outlive a single test method.
        UUID run = UUID.randomUUID();
        Instant candleClose = Instant.parse("2024-05-01T10:14:59.999Z");
        UUID candleEventId = DerivedIds.from("test-candle", symbol, name, run);
        Envelope candle = Envelope.root(candleEventId, candleClose, candleClose.plusMillis(50));
        Envelope envelope = Envelope.causedBy(
                candle,
                DerivedIds.from("test-signal-event", symbol, name, run),
                candleClose,
                candleClose.plusMillis(120));
        return new SignalValidated(
                envelope,
                DerivedIds.from("signal", symbol, name, run),
                "it-strategy",
                symbol,
                Interval.FIFTEEN_MINUTES,
                candleClose,
                Side.BUY,
                70,
                Grade.B,
                confidence,
                1.0,
                action,
                tradeable,
                Price.of("100"),
                Price.of("95"),
                List.of(Reason.of("IT_SIGNAL", name)),
                "RANGING_LOW");
    }

    private void publishInstrument(Symbol symbol) {
        InstrumentUpdated instrument = new InstrumentUpdated(
                Envelope.root(
                        UUID.randomUUID(),
                        Instant.parse("2024-05-01T00:00:00Z"),
                        Instant.parse("2024-05-01T00:00:00Z")),
                symbol,
                "TRADING",
                symbol.value().replace("USDT", ""),
                "USDT",
                Price.of("0.01"),
                Price.of("0.001"),
                Quantity.of("0.001"),
                Quantity.of("5"),
                Quantity.of("9000"),
                null,
                null);
        RawRecords.send(bootstrap, Topics.MARKET_INSTRUMENTS, symbol.value(), CODEC.encode(instrument));
        await().atMost(TIMEOUT)
                .until(() -> jdbc.sql("SELECT count(*) FROM risk.instruments WHERE symbol = :symbol")
                                .param("symbol", symbol.value())
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private void send(SignalValidated signal) {
        RawRecords.send(bootstrap, Topics.SIGNALS_VALIDATED, signal.key(), CODEC.encode(signal));
    }

    private static Predicate<ConsumerRecord<String, String>> about(SignalValidated signal) {
        return record -> signal.key().equals(record.key())
                && record.value().contains(signal.signalId().toString());
    }

    private static RiskDecisionEvent decode(ConsumerRecord<String, String> record) {
        return CODEC.decode(record.value(), RiskDecisionEvent.class);
    }

    private long decisionRows(SignalValidated... signals) {
        return jdbc.sql("SELECT count(*) FROM risk.decisions WHERE signal_id IN (:signalIds)")
                .param(
                        "signalIds",
                        Arrays.stream(signals).map(SignalValidated::signalId).toList())
                .query(Long.class)
                .single();
    }

    /** GET {@code path} with {@code token}, or anonymously when it is null. */
    private HttpResponse<String> get(String path, String token) {
        return ServiceApi.at(port).as(token).get(path);
    }

    /** {@code method} with the JSON {@code body} and {@code token}, or anonymously when it is null. */
    private HttpResponse<String> call(String method, String path, String token, String body) {
        return ServiceApi.at(port).as(token).send(method, path, body);
    }

    /** Sum of the samples of {@code name} whose labels contain {@code labelFilter}. */
    private static double counter(String prometheus, String name, String labelFilter) {
        return prometheus
                .lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(labelFilter))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
