package dev.peregrine.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.PauseStrategy;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.ResumeStrategy;
import dev.peregrine.common.event.SetStrategyWeight;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyLifecycleEvent;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
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

/**
 * signal-service against a real Kafka broker and PostgreSQL: candles in, one validated signal per directional
 * analyst out, stored with its debate; pausing, resuming and weighting strategies over REST and Kafka commands
 * (effective from the next candle); the debates API; dead-lettering, redelivery and metrics. The candles are
 * {@link MarketScripts#breakout}, on whose breakout bar momentum, breakout and order flow fire (breakout and
 * order-flow TRADE).
 */
@PeregrineIntegrationTest
@SpringBootTest(
        classes = SignalServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,signal-service", "management.server.port=0"})
// Closed after this class: its consumers must not judge another test class's candles (one consumer group).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignalServiceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant FIRST_OPEN = Instant.parse("2025-01-06T00:00:00Z");
    private static final List<String> ANALYSTS = AnalystPanel.withDefaults().ids();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    private final EventCodec codec = new EventCodec();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @AfterEach
    void leaveEveryStrategyActiveAtFullWeight() throws Exception {
        // The strategy registry is shared by every test of this context; no test may leave a change behind.
        for (String id : ANALYSTS) {
            assertThat(post(
                                    "/api/v1/strategies/" + id + "/resume",
                                    TestTokens.OPERATOR,
                                    "{\"reason\": \"test clean-up\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(put(
                                    "/api/v1/strategies/" + id + "/weight",
                                    TestTokens.OPERATOR,
                                    "{\"weight\": 1, \"reason\": \"test clean-up\"}")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theOpenApiDescriptionIsServedToAViewerAndMatchesTheControllers() throws Exception {
        OpenApiConformance.assertDescribesTheControllers(context, port, TestTokens.VIEWER);
    }

    @Test
    void candlesBecomeOneStoredSignalPerDirectionalAnalystWithTheDebateOfTheirCandle() throws Exception {
        List<CandleClosed> candles = breakout("SIGUSDT");
        CandleClosed breakout = candles.get(MarketScripts.BREAKOUT);
        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED)) {
            send(candles);
            List<SignalValidated> published = awaitSignalsOf(signals, breakout, 3);

            assertThat(published)
                    .extracting(SignalValidated::strategyId)
                    .containsExactly("momentum", "breakout", "order-flow");
            assertThat(published).allSatisfy(signal -> {
                assertThat(signal.side()).isEqualTo(Side.BUY);
                assertThat(signal.envelope().correlationId())
                        .isEqualTo(breakout.envelope().eventId());
                assertThat(signal.envelope().causationId())
                        .isEqualTo(breakout.envelope().eventId());
                assertThat(signal.referencePrice().value())
                        .isEqualTo(breakout.close().value());
                assertThat(signal.reasons()).extracting(Reason::code).contains("VERDICT_AGREES");
            });
            SignalValidated trade = published.get(1);
            assertThat(trade.action()).isEqualTo(RecommendedAction.TRADE);
            assertThat(trade.tradeable()).isTrue();
            assertThat(trade.reasons())
                    .extracting(Reason::code)
                    .contains("BULL_DONCHIAN_BREAKOUT", "BULL_VOLUME_CONFIRMS");
            assertThat(published.get(2).action()).isEqualTo(RecommendedAction.TRADE);
            assertThat(published.get(0).action()).isEqualTo(RecommendedAction.REDUCE);

            Map<String, Object> row =
                    jdbc.sql("""
                            SELECT v.strategy_id, v.side, v.strength, v.grade, v.confidence, v.size_multiplier, v.action,
                                   v.tradeable, v.regime, v.correlation_id, v.candle_open_time, v.debate_id, v.stop_price,
                                   v.reasons @> '[{"code": "BULL_DONCHIAN_BREAKOUT"}]'::jsonb AS broke_out,
                                   (v.indicators ->> 'atr')::float8 AS atr,
                                   (v.indicators -> 'donchian' ->> 'previousUpper')::float8 AS channel_high,
                                   v.debate -> 'verdict' ->> 'decision' AS verdict,
                                   jsonb_array_length(v.debate -> 'bull' -> 'advocates') AS bull_advocates,
                                   v.consensus ->> 'direction' AS direction,
                                   (v.breakdown ->> 'regimeWeight')::float8 AS regime_weight,
                                   (v.breakdown ->> 'runtimeWeight')::float8 AS runtime_weight,
                                   d.verdict AS stored_verdict, d.symbol AS debate_symbol,
                                   jsonb_array_length(d.panel) AS seats
                              FROM signal.signal_validations v JOIN signal.debates d ON d.debate_id = v.debate_id
                             WHERE v.signal_id = ?""").param(trade.signalId()).query().singleRow();
            assertThat(row.get("strategy_id")).isEqualTo("breakout");
            assertThat(row.get("side")).isEqualTo("BUY");
            assertThat(((Number) row.get("strength")).intValue()).isEqualTo(trade.strength());
            assertThat(row.get("grade")).isEqualTo(trade.grade().name());
            assertThat((BigDecimal) row.get("confidence")).isEqualByComparingTo(BigDecimal.valueOf(trade.confidence()));
            assertThat((BigDecimal) row.get("size_multiplier"))
                    .isEqualByComparingTo(BigDecimal.valueOf(trade.sizeMultiplier()));
            assertThat(row.get("action")).isEqualTo("TRADE");
            assertThat(row.get("tradeable")).isEqualTo(true);
            assertThat(row.get("regime")).isEqualTo("RANGING_UNKNOWN");
            assertThat(row.get("correlation_id")).isEqualTo(breakout.envelope().eventId());
            assertThat(((java.sql.Timestamp) row.get("candle_open_time")).toInstant())
                    .isEqualTo(breakout.openTime());
            assertThat((BigDecimal) row.get("stop_price"))
                    .isEqualByComparingTo(trade.stopPrice().value());
            assertThat(row.get("broke_out")).isEqualTo(true);
            assertThat((Double) row.get("atr")).isPositive();
            assertThat((Double) row.get("channel_high"))
                    .isLessThan(breakout.close().value().doubleValue());
            assertThat(row.get("verdict")).isEqualTo("BULLISH");
            assertThat(((Number) row.get("bull_advocates")).intValue()).isEqualTo(3);
            assertThat(row.get("direction")).isEqualTo("BULLISH");
            assertThat((Double) row.get("regime_weight")).isPositive();
            assertThat((Double) row.get("runtime_weight")).isEqualTo(1.0);
            assertThat(row.get("stored_verdict")).isEqualTo("BULLISH");
            assertThat(row.get("debate_symbol")).isEqualTo("SIGUSDT");
            assertThat(((Number) row.get("seats")).intValue()).isEqualTo(5);
            assertThat(jdbc.sql("SELECT count(*) FROM signal.signal_validations WHERE debate_id = ?")
                            .param(row.get("debate_id"))
                            .query(Long.class)
                            .single())
                    .isEqualTo(3L);
        }
        awaitStoredCandles("SIGUSDT", candles.size());

        // The debates API: by signal, latest of the symbol (of one interval or any), and clear 4xx otherwise.
        UUID breakoutSignal = jdbc.sql(
                        "SELECT signal_id FROM signal.signal_validations WHERE symbol = 'SIGUSDT' AND strategy_id = 'breakout' AND candle_open_time = ?")
                .param(breakout.openTime().atOffset(ZoneOffset.UTC))
                .query(UUID.class)
                .single();
        HttpResponse<String> bySignal = get("/api/v1/debates/by-signal/" + breakoutSignal, TestTokens.VIEWER);
        assertThat(bySignal.statusCode()).isEqualTo(200);
        JsonNode debate = JSON.readTree(bySignal.body());
        assertThat(debate.path("symbol").asString()).isEqualTo("SIGUSDT");
        assertThat(debate.path("interval").asString()).isEqualTo("15m");
        assertThat(debate.path("verdict").asString()).isEqualTo("BULLISH");
        assertThat(debate.path("regime").asString()).isEqualTo("RANGING_UNKNOWN");
        assertThat(debate.path("candleOpenTime").asString())
                .isEqualTo(breakout.openTime().toString());
        assertThat(debate.path("correlationId").asString())
                .isEqualTo(breakout.envelope().eventId().toString());
        assertThat(debate.path("signals"))
                .extracting(n -> n.path("strategyId").asString())
                .containsExactlyInAnyOrder("momentum", "breakout", "order-flow");
        assertThat(debate.path("signals"))
                .anySatisfy(n -> assertThat(n.path("signalId").asString()).isEqualTo(breakoutSignal.toString()));
        assertThat(debate.path("bullCase").path("side").asString()).isEqualTo("BULLISH");
        assertThat(debate.path("bullCase").path("advocates"))
                .extracting(n -> n.path("analystId").asString())
                .containsExactly("order-flow", "breakout", "momentum");
        assertThat(debate.path("bullCase").path("arguments"))
                .extracting(n -> n.path("name").asString())
                .contains("BULL_DONCHIAN_BREAKOUT", "BULL_TAKER_BUYING", "BULL_EMA_CROSS_UP");
        // Momentum's weak-trend warning is a point for the bear case, though momentum argued for the bulls.
        assertThat(debate.path("bearCase").path("arguments")).anySatisfy(n -> {
            assertThat(n.path("name").asString()).isEqualTo("BEAR_WEAK_TREND");
            assertThat(n.path("analystId").asString()).isEqualTo("momentum");
            assertThat(n.path("conceded").asBoolean()).isTrue();
        });
        assertThat(debate.path("consensus").path("direction").asString()).isEqualTo("BULLISH");
        assertThat(debate.path("panel"))
                .extracting(n -> n.path("analystId").asString())
                .containsExactly("momentum", "mean-reversion", "breakout", "order-flow", "chart-patterns");
        Instant latestDebate = jdbc.sql("SELECT max(candle_open_time) FROM signal.debates WHERE symbol = 'SIGUSDT'")
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
        HttpResponse<String> latest = get("/api/v1/debates/SIGUSDT?interval=15m", TestTokens.VIEWER);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(latest.body()).path("candleOpenTime").asString())
                .isEqualTo(latestDebate.toString());
        assertThat(JSON.readTree(get("/api/v1/debates/SIGUSDT", TestTokens.VIEWER)
                                .body())
                        .path("candleOpenTime")
                        .asString())
                .isEqualTo(latestDebate.toString());
        assertThat(get("/api/v1/debates/SIGUSDT?interval=1h", TestTokens.VIEWER).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/debates/NODEBATEUSDT", TestTokens.VIEWER).statusCode())
                .isEqualTo(404);
        HttpResponse<String> badSymbol = get("/api/v1/debates/not-a-symbol", TestTokens.VIEWER);
        assertThat(badSymbol.statusCode()).isEqualTo(400);
        assertThat(badSymbol.body()).contains("symbol");
        assertThat(get("/api/v1/debates/SIGUSDT?interval=7m", TestTokens.VIEWER).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/debates/by-signal/" + UUID.randomUUID(), TestTokens.VIEWER)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/debates/by-signal/not-a-uuid", TestTokens.VIEWER)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/debates/SIGUSDT", null).statusCode()).isEqualTo(401);

        // The registry: the five analysts, the retired EMA crossover gone from it but its row kept.
        HttpResponse<String> strategies = get("/api/v1/strategies", TestTokens.VIEWER);
        assertThat(strategies.statusCode()).isEqualTo(200);
        ANALYSTS.forEach(id -> assertThat(strategies.body()).contains("\"id\":\"" + id + "\""));
        assertThat(strategies.body()).doesNotContain("ema-crossover");
        assertThat(jdbc.sql("SELECT state FROM signal.strategies WHERE id = 'ema-crossover' AND retired_at IS NOT NULL")
                        .query(String.class)
                        .single())
                .isEqualTo("PAUSED");

        String metrics = prometheus();
        assertThat(metricValue(metrics, "peregrine_signal_validations_total{", "strategy=\"breakout\""))
                .isPositive();
        assertThat(metricValue(metrics, "peregrine_signal_strength_count{", "strategy=\"order-flow\""))
                .isPositive();
        assertThat(metricValue(metrics, "peregrine_signal_evaluation_latency_seconds_count", ""))
                .isPositive();
        assertThat(metricValue(metrics, "peregrine_signal_debate_verdicts_total{", "verdict=\"BULLISH\""))
                .isPositive();
        assertThat(metricValue(metrics, "peregrine_signal_series{", "state=\"warming\""))
                .isPositive();
        assertThat(metrics)
                .contains(
                        "peregrine_signal_series{",
                        "state=\"warm\"",
                        "peregrine_signal_consensus_conflicts_total",
                        "peregrine_signal_strategies_paused");
    }

    @Test
    void pausingOverRestStopsTheStrategysTradesFromTheNextCandleAndResumingRestoresThem() throws Exception {
        List<CandleClosed> paused = breakout("SIGPAUSEUSDT");
        List<CandleClosed> resumed = breakout("SIGRESUMEUSDT");
        send(paused.subList(0, MarketScripts.BREAKOUT));
        send(resumed.subList(0, MarketScripts.BREAKOUT));
        awaitStoredCandles("SIGPAUSEUSDT", MarketScripts.BREAKOUT);
        awaitStoredCandles("SIGRESUMEUSDT", MarketScripts.BREAKOUT);

        // Pausing needs the OPERATOR role and a reason; unknown and retired strategies are a 404.
        assertThat(post("/api/v1/strategies/breakout/pause", null, "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(post("/api/v1/strategies/breakout/pause", TestTokens.VIEWER, "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> blank =
                post("/api/v1/strategies/breakout/pause", TestTokens.OPERATOR, "{\"reason\": \" \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("reason");
        assertThat(post("/api/v1/strategies/breakout/pause", TestTokens.OPERATOR, "{}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/strategies/breakout/pause", TestTokens.OPERATOR, "")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/v1/strategies/no-such-strategy/pause", TestTokens.OPERATOR, "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/strategies/ema-crossover/pause", TestTokens.OPERATOR, "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);

        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED);
                TopicProbe lifecycle = TopicProbe.open(bootstrap, Topics.STRATEGY_EVENTS)) {
            HttpResponse<String> pause =
                    post("/api/v1/strategies/breakout/pause", TestTokens.ALICE, "{\"reason\": \"IT: drawdown\"}");
            assertThat(pause.statusCode()).isEqualTo(200);
            assertThat(pause.body()).contains("\"state\":\"PAUSED\"", "\"changed\":true", "\"changedBy\":\"alice\"");
            StrategyStateChanged announced = awaitLifecycle(
                    lifecycle,
                    e -> e.strategyId().equals("breakout")
                            && e.state() == StrategyState.PAUSED
                            && e.reason().equals("IT: drawdown"));
            assertThat(announced.envelope().correlationId())
                    .isEqualTo(announced.envelope().eventId());
            assertThat(announced.changedBy()).isEqualTo(TestTokens.ALICE_NAME);
            assertThat(jdbc.sql(
                                    "SELECT changed_by FROM signal.strategy_audit WHERE event_id = ? AND to_state = 'PAUSED'")
                            .param(announced.envelope().eventId())
                            .query(String.class)
                            .list())
                    .containsExactly(TestTokens.ALICE_NAME);

            send(List.of(paused.get(MarketScripts.BREAKOUT)));
            List<SignalValidated> whilePaused = awaitSignalsOf(signals, paused.get(MarketScripts.BREAKOUT), 3);
            SignalValidated pausedBreakout = byStrategy(whilePaused, "breakout");
            assertThat(pausedBreakout.tradeable()).isFalse();
            assertThat(pausedBreakout.reasons()).extracting(Reason::code).contains("STRATEGY_PAUSED");
            assertThat(byStrategy(whilePaused, "order-flow").tradeable()).isTrue();
            assertThat(jdbc.sql("SELECT tradeable FROM signal.signal_validations WHERE signal_id = ?")
                            .param(pausedBreakout.signalId())
                            .query(Boolean.class)
                            .single())
                    .isFalse();
            assertThat(jdbc.sql(
                                    "SELECT (consensus ->> 'pausedCount')::int FROM signal.signal_validations WHERE signal_id = ?")
                            .param(pausedBreakout.signalId())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);

            HttpResponse<String> resume = post("/api/v1/strategies/breakout/resume", TestTokens.OPERATOR, "");
            assertThat(resume.statusCode()).isEqualTo(200);
            assertThat(resume.body()).contains("\"state\":\"ACTIVE\"", "\"changedBy\":\"operator\"");

            send(List.of(resumed.get(MarketScripts.BREAKOUT)));
            SignalValidated afterResume =
                    byStrategy(awaitSignalsOf(signals, resumed.get(MarketScripts.BREAKOUT), 3), "breakout");
            assertThat(afterResume.action()).isEqualTo(RecommendedAction.TRADE);
            assertThat(afterResume.tradeable()).isTrue();
            assertThat(afterResume.reasons()).extracting(Reason::code).doesNotContain("STRATEGY_PAUSED");
        }
        String metrics = prometheus();
        assertThat(metrics).contains("peregrine_signal_strategies_paused");
    }

    @Test
    void commandsOnKafkaPauseResumeAndWeightAStrategyAndAnUnknownOneIsDeadLettered() throws Exception {
        List<CandleClosed> paused = breakout("SIGCMDAUSDT");
        List<CandleClosed> resumed = breakout("SIGCMDBUSDT");
        send(paused.subList(0, MarketScripts.BREAKOUT));
        send(resumed.subList(0, MarketScripts.BREAKOUT));
        awaitStoredCandles("SIGCMDAUSDT", MarketScripts.BREAKOUT);
        awaitStoredCandles("SIGCMDBUSDT", MarketScripts.BREAKOUT);
        Instant now = Instant.now();
        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED);
                TopicProbe lifecycle = TopicProbe.open(bootstrap, Topics.STRATEGY_EVENTS);
                TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(Topics.STRATEGY_COMMANDS))) {
            PauseStrategy pause = new PauseStrategy(
                    Envelope.root(UUID.randomUUID(), now, now), "breakout", "IT: loss streak", "monitor-service");
            command(pause);
            StrategyStateChanged paused1 = awaitLifecycle(
                    lifecycle,
                    e -> e.envelope().causationId().equals(pause.envelope().eventId()));
            assertThat(paused1.state()).isEqualTo(StrategyState.PAUSED);
            assertThat(paused1.changedBy()).isEqualTo("monitor-service");
            assertThat(paused1.envelope().correlationId())
                    .isEqualTo(pause.envelope().correlationId());
            assertThat(jdbc.sql(
                                    "SELECT count(*) FROM signal.strategy_audit WHERE command_id = ? AND changed_by = 'monitor-service'")
                            .param(pause.envelope().eventId())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);

            send(List.of(paused.get(MarketScripts.BREAKOUT)));
            SignalValidated whilePaused =
                    byStrategy(awaitSignalsOf(signals, paused.get(MarketScripts.BREAKOUT), 3), "breakout");
            assertThat(whilePaused.tradeable()).isFalse();
            assertThat(whilePaused.reasons()).extracting(Reason::code).contains("STRATEGY_PAUSED");

            ResumeStrategy resume = new ResumeStrategy(
                    Envelope.root(UUID.randomUUID(), now, now), "breakout", "IT: recovered", "monitor-service");
            command(resume);
            assertThat(awaitLifecycle(
                                    lifecycle,
                                    e -> e.envelope()
                                            .causationId()
                                            .equals(resume.envelope().eventId()))
                            .state())
                    .isEqualTo(StrategyState.ACTIVE);
            send(List.of(resumed.get(MarketScripts.BREAKOUT)));
            SignalValidated afterResume =
                    byStrategy(awaitSignalsOf(signals, resumed.get(MarketScripts.BREAKOUT), 3), "breakout");
            assertThat(afterResume.tradeable()).isTrue();
            assertThat(afterResume.action()).isEqualTo(RecommendedAction.TRADE);

            SetStrategyWeight weight = new SetStrategyWeight(
                    Envelope.root(UUID.randomUUID(), now, now), "order-flow", 0.25, "IT: noisy", "monitor-service");
            command(weight);
            StrategyStateChanged weighted = awaitLifecycle(
                    lifecycle,
                    e -> e.envelope().causationId().equals(weight.envelope().eventId()));
            assertThat(weighted.weight()).isEqualTo(0.25);
            assertThat(weighted.state()).isEqualTo(StrategyState.ACTIVE);
            assertThat(jdbc.sql("SELECT weight FROM signal.strategy_audit WHERE command_id = ?")
                            .param(weight.envelope().eventId())
                            .query(BigDecimal.class)
                            .single())
                    .isEqualByComparingTo("0.25");

            PauseStrategy unknown = new PauseStrategy(
                    Envelope.root(UUID.randomUUID(), now, now), "ema-crossover", "IT: retired", "monitor-service");
            command(unknown);
            assertThat(deadLetters.awaitMatching(
                            1,
                            r -> r.value().contains(unknown.envelope().eventId().toString()),
                            TIMEOUT))
                    .hasSize(1);
        }
    }

    @Test
    void weightsAreSetOverRestWithClearRefusalsAndWeighTheNextCandle() throws Exception {
        List<CandleClosed> candles = breakout("SIGWEIGHTUSDT");
        send(candles.subList(0, MarketScripts.BREAKOUT));
        awaitStoredCandles("SIGWEIGHTUSDT", MarketScripts.BREAKOUT);

        assertThat(put("/api/v1/strategies/breakout/weight", null, "{\"weight\": 0.5, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(put("/api/v1/strategies/breakout/weight", TestTokens.VIEWER, "{\"weight\": 0.5, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> tooHeavy =
                put("/api/v1/strategies/breakout/weight", TestTokens.OPERATOR, "{\"weight\": 1.5, \"reason\": \"x\"}");
        assertThat(tooHeavy.statusCode()).isEqualTo(400);
        assertThat(tooHeavy.body()).contains("weight");
        assertThat(put(
                                "/api/v1/strategies/breakout/weight",
                                TestTokens.OPERATOR,
                                "{\"weight\": -0.1, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(put("/api/v1/strategies/breakout/weight", TestTokens.OPERATOR, "{\"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(put(
                                "/api/v1/strategies/breakout/weight",
                                TestTokens.OPERATOR,
                                "{\"weight\": \"heavy\", \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> noReason =
                put("/api/v1/strategies/breakout/weight", TestTokens.OPERATOR, "{\"weight\": 0.5, \"reason\": \"\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(put(
                                "/api/v1/strategies/no-such-strategy/weight",
                                TestTokens.OPERATOR,
                                "{\"weight\": 0.5, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(put(
                                "/api/v1/strategies/ema-crossover/weight",
                                TestTokens.OPERATOR,
                                "{\"weight\": 0.5, \"reason\": \"x\"}")
                        .statusCode())
                .isEqualTo(404);

        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED);
                TopicProbe lifecycle = TopicProbe.open(bootstrap, Topics.STRATEGY_EVENTS)) {
            HttpResponse<String> weighted = put(
                    "/api/v1/strategies/breakout/weight",
                    TestTokens.OPERATOR,
                    "{\"weight\": 0.5, \"reason\": \"IT: half weight\"}");
            assertThat(weighted.statusCode()).isEqualTo(200);
            assertThat(weighted.body()).contains("\"weight\":0.5", "\"state\":\"ACTIVE\"", "\"changed\":true");
            StrategyStateChanged announced =
                    awaitLifecycle(lifecycle, e -> e.reason().equals("IT: half weight"));
            assertThat(announced.weight()).isEqualTo(0.5);
            assertThat(jdbc.sql("SELECT count(*) FROM signal.strategy_audit WHERE event_id = ? AND weight = 0.5")
                            .param(announced.envelope().eventId())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
            assertThat(get("/api/v1/strategies", TestTokens.VIEWER).body())
                    .contains("\"id\":\"breakout\",\"state\":\"ACTIVE\",\"weight\":0.5");

            send(List.of(candles.get(MarketScripts.BREAKOUT)));
            SignalValidated breakout =
                    byStrategy(awaitSignalsOf(signals, candles.get(MarketScripts.BREAKOUT), 3), "breakout");
            Map<String, Object> weights =
                    jdbc.sql("""
                            SELECT (breakdown ->> 'runtimeWeight')::float8 AS runtime, (breakdown ->> 'regimeWeight')::float8 AS regime,
                                   (breakdown ->> 'weight')::float8 AS effective
                              FROM signal.signal_validations WHERE signal_id = ?""").param(breakout.signalId()).query().singleRow();
            assertThat((Double) weights.get("runtime")).isEqualTo(0.5);
            assertThat((Double) weights.get("effective")).isEqualTo((Double) weights.get("regime") * 0.5);
        }
    }

    @Test
    void aMalformedCandleIsDeadLetteredAndTheNextCandlesAreStillProcessed() throws Exception {
        List<CandleClosed> candles = breakout("SIGDLTUSDT");
        try (TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(Topics.MARKET_CANDLES));
                TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED)) {
            RawRecords.send(
                    bootstrap, Topics.MARKET_CANDLES, "SIGDLTUSDT", "{\"type\": \"CandleClosed\", \"symbol\": ");
            send(candles.subList(0, MarketScripts.BREAKOUT + 1));

            List<ConsumerRecord<String, String>> dead =
                    deadLetters.awaitMatching(1, r -> "SIGDLTUSDT".equals(r.key()), TIMEOUT);
            assertThat(dead.getFirst().value()).startsWith("{\"type\": \"CandleClosed\"");
            assertThat(awaitSignalsOf(signals, candles.get(MarketScripts.BREAKOUT), 3))
                    .hasSize(3);
        }
        assertThat(metricValue(prometheus(), "peregrine_kafka_dead_letters_total{", "topic=\"market.candles.v1\""))
                .isPositive();
    }

    @Test
    void aRedeliveredCandleRepublishesTheSameSignalsAndStoresNoSecondRow() throws Exception {
        List<CandleClosed> candles = breakout("SIGDUPUSDT");
        CandleClosed breakout = candles.get(MarketScripts.BREAKOUT);
        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED)) {
            send(candles.subList(0, MarketScripts.BREAKOUT + 1));
            List<SignalValidated> first = awaitSignalsOf(signals, breakout, 3);
            awaitStoredCandles("SIGDUPUSDT", MarketScripts.BREAKOUT + 1);

            send(List.of(breakout));
            UUID breakoutSignal = byStrategy(first, "breakout").signalId();
            List<ConsumerRecord<String, String>> copies = signals.awaitMatching(
                    2,
                    r -> "SIGDUPUSDT".equals(r.key())
                            && decodeSignal(r).signalId().equals(breakoutSignal),
                    TIMEOUT);
            assertThat(copies.get(1).value()).isEqualTo(copies.get(0).value());
        }
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM signal.signal_validations WHERE symbol = 'SIGDUPUSDT' AND candle_open_time = ?")
                        .param(breakout.openTime().atOffset(ZoneOffset.UTC))
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
        assertThat(jdbc.sql("SELECT count(*) FROM signal.debates WHERE symbol = 'SIGDUPUSDT' AND candle_open_time = ?")
                        .param(breakout.openTime().atOffset(ZoneOffset.UTC))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM signal.candles WHERE symbol = 'SIGDUPUSDT'")
                        .query(Long.class)
                        .single())
                .isEqualTo(MarketScripts.BREAKOUT + 1L);
        assertThat(metricValue(prometheus(), "peregrine_signal_candles_ignored_total{", "reason=\"duplicate\""))
                .isPositive();
    }

    private static List<CandleClosed> breakout(String symbol) {
        return MarketScripts.breakout(symbol, Interval.FIFTEEN_MINUTES, FIRST_OPEN, "42000.00", i -> UUID.randomUUID());
    }

    private static SignalValidated byStrategy(List<SignalValidated> signals, String strategyId) {
        return signals.stream()
                .filter(s -> s.strategyId().equals(strategyId))
                .findFirst()
                .orElseThrow();
    }

    private void awaitStoredCandles(String symbol, int count) {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT count(*) FROM signal.candles WHERE symbol = ?")
                                .param(symbol)
                                .query(Long.class)
                                .single()
                        >= count);
    }

    private void send(List<? extends PeregrineEvent> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            for (PeregrineEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.MARKET_CANDLES, event.key(), codec.encode(event)));
            }
            producer.flush();
        }
    }

    private void command(PeregrineEvent command) {
        RawRecords.send(bootstrap, Topics.STRATEGY_COMMANDS, command.key(), codec.encode(command));
    }

    private SignalValidated decodeSignal(ConsumerRecord<String, String> record) {
        return (SignalValidated) codec.decode(record.value(), SignalEvent.class);
    }

    /**
     * The distinct signals (by signal id, in publication order) of one candle, once there are at least
     * {@code count}. Like any consumer of the topic, this deduplicates: a consumer-group rebalance can make the
     * service re-publish a signal it already published.
     */
    private List<SignalValidated> awaitSignalsOf(TopicProbe probe, CandleClosed candle, int count) {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> distinctSignals(probe.poll(), candle).size() >= count);
        return distinctSignals(probe.poll(), candle);
    }

    private List<SignalValidated> distinctSignals(List<ConsumerRecord<String, String>> records, CandleClosed candle) {
        Map<UUID, SignalValidated> byId = new LinkedHashMap<>();
        records.stream()
                .filter(r -> candle.symbol().value().equals(r.key()))
                .map(this::decodeSignal)
                .filter(signal -> signal.candleCloseTime().equals(candle.closeTime()))
                .forEach(signal -> byId.putIfAbsent(signal.signalId(), signal));
        return List.copyOf(byId.values());
    }

    private StrategyStateChanged awaitLifecycle(TopicProbe probe, Predicate<StrategyStateChanged> filter) {
        Predicate<ConsumerRecord<String, String>> matches =
                r -> codec.decode(r.value(), StrategyLifecycleEvent.class) instanceof StrategyStateChanged e
                        && filter.test(e);
        return (StrategyStateChanged)
                codec.decode(probe.awaitMatching(1, matches, TIMEOUT).getLast().value(), StrategyLifecycleEvent.class);
    }

    private String prometheus() {
        return ServiceApi.at(managementPort).get("/actuator/prometheus").body();
    }

    /** Sum of the samples of a Prometheus metric whose line starts with {@code prefix} and contains {@code label}. */
    private static double metricValue(String exposition, String prefix, String label) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(prefix) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return ServiceApi.at(port).as(token).post(path, body);
    }

    private HttpResponse<String> put(String path, String token, String body) {
        return ServiceApi.at(port).as(token).put(path, body);
    }

    /** GET {@code path} with {@code token}, or anonymously when it is null. */
    private HttpResponse<String> get(String path, String token) {
        return ServiceApi.at(port).as(token).get(path);
    }
}
