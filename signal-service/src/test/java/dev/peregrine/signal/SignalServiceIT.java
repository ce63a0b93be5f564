package dev.peregrine.signal;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.PauseStrategy;
import dev.peregrine.common.event.PeregrineEvent;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.ResumeStrategy;
import dev.peregrine.common.event.SignalEvent;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyLifecycleEvent;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.Bar;
import dev.peregrine.signal.domain.EmaCrossoverStrategy;
import dev.peregrine.signal.domain.StrategyOutcome;
import dev.peregrine.testkit.PeregrineIntegrationTest;
import dev.peregrine.testkit.RawRecords;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.TopicProbe;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * signal-service against a real Kafka broker and PostgreSQL: candles in, validated signals out and
 * stored, strategy lifecycle over REST and Kafka commands, dead-lettering and metrics.
 */
@PeregrineIntegrationTest
@SpringBootTest(classes = SignalServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=peregrine-defaults,signal-service", "management.server.port=0",
                "peregrine.security.operator-token=" + SignalServiceIT.OPERATOR_TOKEN,
                "peregrine.security.viewer-token=" + SignalServiceIT.VIEWER_TOKEN})
class SignalServiceIT {

    static final String OPERATOR_TOKEN = "operator-token-0123456789";
    static final String VIEWER_TOKEN = "viewer-token-0123456789";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Instant FIRST_OPEN = Instant.parse("2025-01-06T00:00:00Z");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    private final EventCodec codec = new EventCodec();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String bootstrap = RealInfrastructure.get().kafkaBootstrapServers();

    @AfterEach
    void leaveTheStrategyActive() throws Exception {
        // The strategy registry is shared by every test of this context; no test may leave it paused.
        post("/api/v1/strategies/ema-crossover/resume", OPERATOR_TOKEN, "{\"reason\": \"test clean-up\"}");
    }

    @Test
    void candlesBecomeStoredSignalsAndPausingOverRestMakesThemUntradeable() throws Exception {
        CandleSeries series = series("SIGUSDT");
        List<CandleClosed> candles = new ArrayList<>(series.move(40, -0.4));
        candles.addAll(series.move(30, 1.5));
        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED);
             TopicProbe lifecycle = TopicProbe.open(bootstrap, Topics.STRATEGY_EVENTS)) {
            send(candles);

            SignalValidated buy = awaitSignals(signals, "SIGUSDT", Side.BUY, 1).getFirst();
            CandleClosed crossing = candles.stream().filter(c -> c.closeTime().equals(buy.candleCloseTime())).findFirst().orElseThrow();
            assertThat(buy.envelope().correlationId()).isEqualTo(crossing.envelope().eventId());
            assertThat(buy.envelope().causationId()).isEqualTo(crossing.envelope().eventId());
            assertThat(buy.referencePrice().value()).isEqualTo(crossing.close().value());
            assertThat(buy.tradeable()).isTrue();
            assertThat(buy.reasons()).extracting(Reason::code).contains("EMA_CROSS_UP", "SEPARATION", "SLOW_EMA_SLOPE");

            Map<String, Object> row = jdbc.sql("""
                            SELECT correlation_id, causation_id, tradeable, reference_price, stop_price, side, interval,
                                   reasons @> '[{"code": "EMA_CROSS_UP"}]'::jsonb AS crossed,
                                   (indicators ->> 'atr')::float8 AS atr
                              FROM signal.signal_validations WHERE signal_id = ?""")
                    .param(buy.signalId()).query().singleRow();
            assertThat(row.get("correlation_id")).isEqualTo(crossing.envelope().eventId());
            assertThat(row.get("tradeable")).isEqualTo(true);
            assertThat((BigDecimal) row.get("reference_price")).isEqualByComparingTo(crossing.close().value());
            assertThat((BigDecimal) row.get("stop_price")).isEqualByComparingTo(buy.stopPrice().value());
            assertThat(row.get("side")).isEqualTo("BUY");
            assertThat(row.get("interval")).isEqualTo("15m");
            assertThat(row.get("crossed")).isEqualTo(true);
            assertThat((Double) row.get("atr")).isPositive();

            // Pausing needs the OPERATOR role and a reason; unknown strategies are a 404.
            assertThat(post("/api/v1/strategies/ema-crossover/pause", null, "{\"reason\": \"x\"}").statusCode()).isEqualTo(401);
            assertThat(post("/api/v1/strategies/ema-crossover/pause", VIEWER_TOKEN, "{\"reason\": \"x\"}").statusCode()).isEqualTo(403);
            HttpResponse<String> blank = post("/api/v1/strategies/ema-crossover/pause", OPERATOR_TOKEN, "{\"reason\": \" \"}");
            assertThat(blank.statusCode()).isEqualTo(400);
            assertThat(blank.body()).contains("reason");
            assertThat(post("/api/v1/strategies/ema-crossover/pause", OPERATOR_TOKEN, "{}").statusCode()).isEqualTo(400);
            assertThat(post("/api/v1/strategies/ema-crossover/pause", OPERATOR_TOKEN, "").statusCode()).isEqualTo(400);
            assertThat(post("/api/v1/strategies/no-such-strategy/pause", OPERATOR_TOKEN, "{\"reason\": \"x\"}").statusCode()).isEqualTo(404);

            HttpResponse<String> paused = post("/api/v1/strategies/ema-crossover/pause", OPERATOR_TOKEN, "{\"reason\": \"IT: drawdown\"}");
            assertThat(paused.statusCode()).isEqualTo(200);
            assertThat(paused.body()).contains("\"state\":\"PAUSED\"", "\"changed\":true", "\"changedBy\":\"operator\"");
            HttpResponse<String> listed = get("/api/v1/strategies", VIEWER_TOKEN);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("\"id\":\"ema-crossover\"", "\"state\":\"PAUSED\"");
            StrategyStateChanged announced = awaitLifecycle(lifecycle,
                    e -> e.state() == StrategyState.PAUSED && e.reason().equals("IT: drawdown"));
            assertThat(announced.changedBy()).isEqualTo("operator");
            assertThat(announced.envelope().correlationId()).isEqualTo(announced.envelope().eventId());
            assertThat(jdbc.sql("SELECT state FROM signal.strategies WHERE id = 'ema-crossover'").query(String.class).single())
                    .isEqualTo("PAUSED");
            assertThat(jdbc.sql("SELECT count(*) FROM signal.strategy_audit WHERE event_id = ? AND to_state = 'PAUSED' AND changed_by = 'operator'")
                    .param(announced.envelope().eventId()).query(Long.class).single()).isEqualTo(1L);

            send(series.move(30, -1.5));
            SignalValidated sellWhilePaused = awaitSignals(signals, "SIGUSDT", Side.SELL, 1).getFirst();
            assertThat(sellWhilePaused.tradeable()).isFalse();
            assertThat(sellWhilePaused.reasons()).extracting(Reason::code).contains("STRATEGY_PAUSED");
            assertThat(jdbc.sql("SELECT tradeable FROM signal.signal_validations WHERE signal_id = ?")
                    .param(sellWhilePaused.signalId()).query(Boolean.class).single()).isFalse();

            HttpResponse<String> resumed = post("/api/v1/strategies/ema-crossover/resume", OPERATOR_TOKEN, "");
            assertThat(resumed.statusCode()).isEqualTo(200);
            assertThat(resumed.body()).contains("\"state\":\"ACTIVE\"");

            send(series.move(30, 1.5));
            List<SignalValidated> buys = awaitSignals(signals, "SIGUSDT", Side.BUY, 2);
            SignalValidated buyAfterResume = buys.getLast();
            assertThat(buyAfterResume.candleCloseTime()).isAfter(sellWhilePaused.candleCloseTime());
            assertThat(buyAfterResume.tradeable()).isTrue();
            assertThat(buyAfterResume.reasons()).extracting(Reason::code).doesNotContain("STRATEGY_PAUSED");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM signal.signal_validations WHERE symbol = 'SIGUSDT'").query(Long.class).single())
                .isEqualTo(3L);

        String metrics = get(URI.create("http://localhost:" + managementPort + "/actuator/prometheus"), null).body();
        assertThat(metricValue(metrics, "peregrine_signal_validations_total{", "strategy=\"ema-crossover\"")).isPositive();
        assertThat(metricValue(metrics, "peregrine_signal_strength_count{", "strategy=\"ema-crossover\"")).isPositive();
        assertThat(metricValue(metrics, "peregrine_signal_evaluation_latency_seconds_count", "")).isPositive();
        assertThat(metrics).contains("peregrine_signal_strategies_paused");
    }

    @Test
    void aPauseCommandOnKafkaPausesAnnouncesAndIsAudited() throws Exception {
        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED);
             TopicProbe lifecycle = TopicProbe.open(bootstrap, Topics.STRATEGY_EVENTS)) {
            Instant now = Instant.now();
            PauseStrategy pause = new PauseStrategy(Envelope.root(UUID.randomUUID(), now, now), "ema-crossover",
                    "IT: loss streak", "monitor-service");
            RawRecords.send(bootstrap, Topics.STRATEGY_COMMANDS, pause.key(), codec.encode(pause));

            StrategyStateChanged announced = awaitLifecycle(lifecycle,
                    e -> e.envelope().causationId().equals(pause.envelope().eventId()));
            assertThat(announced.state()).isEqualTo(StrategyState.PAUSED);
            assertThat(announced.changedBy()).isEqualTo("monitor-service");
            assertThat(announced.reason()).isEqualTo("IT: loss streak");
            assertThat(announced.envelope().correlationId()).isEqualTo(pause.envelope().correlationId());
            assertThat(jdbc.sql("SELECT count(*) FROM signal.strategy_audit WHERE command_id = ? AND changed_by = 'monitor-service'")
                    .param(pause.envelope().eventId()).query(Long.class).single()).isEqualTo(1L);

            CandleSeries series = series("SIGCMDUSDT");
            send(series.move(40, -0.4));
            send(series.move(30, 1.5));
            SignalValidated buy = awaitSignals(signals, "SIGCMDUSDT", Side.BUY, 1).getFirst();
            assertThat(buy.tradeable()).isFalse();
            assertThat(buy.reasons()).extracting(Reason::code).contains("STRATEGY_PAUSED");

            ResumeStrategy resume = new ResumeStrategy(Envelope.root(UUID.randomUUID(), now, now), "ema-crossover",
                    "IT: recovered", "monitor-service");
            RawRecords.send(bootstrap, Topics.STRATEGY_COMMANDS, resume.key(), codec.encode(resume));
            assertThat(awaitLifecycle(lifecycle, e -> e.envelope().causationId().equals(resume.envelope().eventId())).state())
                    .isEqualTo(StrategyState.ACTIVE);
        }
    }

    @Test
    void aMalformedCandleIsDeadLetteredAndTheNextCandlesAreStillProcessed() throws Exception {
        try (TopicProbe deadLetters = TopicProbe.open(bootstrap, Topics.deadLetterOf(Topics.MARKET_CANDLES));
             TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED)) {
            RawRecords.send(bootstrap, Topics.MARKET_CANDLES, "SIGDLTUSDT", "{\"type\": \"CandleClosed\", \"symbol\": ");
            CandleSeries series = series("SIGDLTUSDT");
            send(series.move(40, -0.4));
            send(series.move(30, 1.5));

            List<ConsumerRecord<String, String>> dead = deadLetters.awaitMatching(1, r -> "SIGDLTUSDT".equals(r.key()), TIMEOUT);
            assertThat(dead.getFirst().value()).startsWith("{\"type\": \"CandleClosed\"");
            assertThat(awaitSignals(signals, "SIGDLTUSDT", Side.BUY, 1)).hasSize(1);
        }
        String metrics = get(URI.create("http://localhost:" + managementPort + "/actuator/prometheus"), null).body();
        assertThat(metricValue(metrics, "peregrine_kafka_dead_letters_total{", "topic=\"market.candles.v1\"")).isPositive();
    }

    @Test
    void aRedeliveredCandleRepublishesTheSameSignalAndStoresNoSecondRow() throws Exception {
        CandleSeries series = series("SIGDUPUSDT");
        List<CandleClosed> candles = new ArrayList<>(series.move(40, -0.4));
        candles.addAll(series.move(30, 1.5));
        int crossing = crossingIndex(candles);
        try (TopicProbe signals = TopicProbe.open(bootstrap, Topics.SIGNALS_VALIDATED)) {
            send(candles.subList(0, crossing + 1));
            SignalValidated first = awaitSignals(signals, "SIGDUPUSDT", Side.BUY, 1).getFirst();

            send(List.of(candles.get(crossing)));
            List<ConsumerRecord<String, String>> copies = signals.awaitMatching(2,
                    r -> "SIGDUPUSDT".equals(r.key()) && decodeSignal(r).signalId().equals(first.signalId()), TIMEOUT);
            assertThat(copies.get(1).value()).isEqualTo(copies.get(0).value());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM signal.signal_validations WHERE symbol = 'SIGDUPUSDT'").query(Long.class).single())
                .isEqualTo(1L);
    }

    private static CandleSeries series(String symbol) {
        return new CandleSeries(symbol, Interval.FIFTEEN_MINUTES, FIRST_OPEN, "42000.00", i -> UUID.randomUUID());
    }

    /** Where the default strategy fires on these candles, computed with the domain itself. */
    private static int crossingIndex(List<CandleClosed> candles) {
        EmaCrossoverStrategy strategy = EmaCrossoverStrategy.withDefaults();
        for (int i = 0; i < candles.size(); i++) {
            CandleClosed c = candles.get(i);
            Bar bar = new Bar(c.openTime(), c.closeTime(), c.open().value(), c.high().value(), c.low().value(),
                    c.close().value(), c.volume().value(), c.quoteVolume().value(), c.takerBuyBaseVolume().value(),
                    c.qualityFlags());
            if (strategy.onBar(bar) instanceof StrategyOutcome.Signal) {
                return i;
            }
        }
        throw new AssertionError("the series never crosses");
    }

    private void send(List<? extends PeregrineEvent> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            for (PeregrineEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.MARKET_CANDLES, event.key(), codec.encode(event)));
            }
            producer.flush();
        }
    }

    private SignalValidated decodeSignal(ConsumerRecord<String, String> record) {
        return (SignalValidated) codec.decode(record.value(), SignalEvent.class);
    }

    /**
     * The distinct signals (by signal id, in publication order) of one symbol and side, once there are at
     * least {@code count}. Like any consumer of the topic, this deduplicates: a consumer-group rebalance
     * can make the service re-publish a signal it already published.
     */
    private List<SignalValidated> awaitSignals(TopicProbe probe, String symbol, Side side, int count) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> distinctSignals(probe.poll(), symbol, side).size() >= count);
        return distinctSignals(probe.poll(), symbol, side);
    }

    private List<SignalValidated> distinctSignals(List<ConsumerRecord<String, String>> records, String symbol, Side side) {
        Map<UUID, SignalValidated> byId = new LinkedHashMap<>();
        records.stream().filter(r -> symbol.equals(r.key())).map(this::decodeSignal)
                .filter(signal -> signal.side() == side)
                .forEach(signal -> byId.putIfAbsent(signal.signalId(), signal));
        return List.copyOf(byId.values());
    }

    private StrategyStateChanged awaitLifecycle(TopicProbe probe, Predicate<StrategyStateChanged> filter) {
        Predicate<ConsumerRecord<String, String>> matches = r ->
                codec.decode(r.value(), StrategyLifecycleEvent.class) instanceof StrategyStateChanged e && filter.test(e);
        return (StrategyStateChanged) codec.decode(probe.awaitMatching(1, matches, TIMEOUT).getLast().value(),
                StrategyLifecycleEvent.class);
    }

    /** Sum of the samples of a Prometheus metric whose line starts with {@code prefix} and contains {@code label}. */
    private static double metricValue(String exposition, String prefix, String label) {
        return exposition.lines()
                .filter(line -> line.startsWith(prefix) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return get(URI.create("http://localhost:" + port + path), token);
    }

    private HttpResponse<String> get(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
