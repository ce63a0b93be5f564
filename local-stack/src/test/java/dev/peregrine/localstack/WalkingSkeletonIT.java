package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.TradeApproved;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.execution.ExecutionServiceApplication;
import dev.peregrine.ingest.IngestServiceApplication;
import dev.peregrine.monitor.MonitorServiceApplication;
import dev.peregrine.risk.RiskServiceApplication;
import dev.peregrine.signal.SignalServiceApplication;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RawRecords;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.ServiceArguments;
import dev.peregrine.testkit.TestTokens;
import dev.peregrine.testkit.TopicProbe;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The walking skeleton end to end: a kline file replayed by ingest becomes candles, a validated signal,
 * a risk approval, an order intent and a paper fill, over the real embedded Kafka broker and PostgreSQL,
 * with all five services running as separate Spring contexts in this JVM. One correlation id ties the
 * fill back to the candle that started the chain. Last, every metric a Grafana dashboard or a Prometheus rule
 * under {@code deploy/} queries must be on some service's Prometheus endpoint after the replay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final String SYMBOL = "SKLUSDT";
    private static final long FIFTEEN_MINUTES = Duration.ofMinutes(15).toMillis();
    private static final long FIRST_OPEN = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    static Path workDir;

    private static final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private static InfrastructureEndpoints infra;
    private static JdbcClient jdbc;
    private static List<String[]> candleRows;

    @BeforeAll
    static void startSuite() throws IOException {
        infra = RealInfrastructure.get();
        Path klines = workDir.resolve(SYMBOL + "-15m.csv");
        candleRows = generateCandles();
        writeKlineFile(klines, candleRows);
        jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                infra.jdbcUrl(), infra.jdbcUsername(), infra.jdbcPassword()));

        // The services' own groups start at the topics' ends: what other tests of this JVM left on the shared broker
        // (SuiteFuzzIT's malformed records among them) is not this test's to process.
        IsolatedRun.startGroupsAtEnd(
                infra.kafkaBootstrapServers(),
                dev.peregrine.common.TopicAccess.PRINCIPALS.stream()
                        .flatMap(principal -> principal.groups().stream())
                        .toList());
        // The generated symbol is in no exchangeInfo snapshot: its filters are published the way ingest would.
        RawRecords.send(
                infra.kafkaBootstrapServers(),
                Topics.MARKET_INSTRUMENTS,
                SYMBOL,
                new EventCodec()
                        .encode(new dev.peregrine.common.event.InstrumentUpdated(
                                dev.peregrine.common.event.Envelope.root(
                                        java.util.UUID.randomUUID(), java.time.Instant.EPOCH, java.time.Instant.EPOCH),
                                dev.peregrine.common.value.Symbol.of(SYMBOL),
                                "TRADING",
                                "SKL",
                                "USDT",
                                dev.peregrine.common.value.Price.of("0.01"),
                                dev.peregrine.common.value.Price.of("0.0001"),
                                dev.peregrine.common.value.Quantity.of("0.0001"),
                                dev.peregrine.common.value.Quantity.of("5"),
                                null,
                                null,
                                null)));
        start("monitor", MonitorServiceApplication.builder());
        // No slippage here, so the fill price is the next open exactly; execution's own tests cover slippage.
        start("execution", ExecutionServiceApplication.builder(), "--peregrine.execution.paper.slippage-bps=0");
        start("risk", RiskServiceApplication.builder());
        start("signal", SignalServiceApplication.builder());
        start(
                "ingest",
                IngestServiceApplication.builder(),
                "--peregrine.ingest.replay.file=" + klines.toAbsolutePath(),
                "--peregrine.ingest.replay.speed=0");
    }

    @AfterAll
    static void stopSuite() {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ConfigurableApplicationContext::close);
    }

    private static void start(String name, SpringApplicationBuilder builder, String... extraArgs) {
        List<String> args = ServiceArguments.inTest(infra, infra.jdbcUrl());
        args.addAll(List.of(extraArgs));
        services.put(name, builder.run(args.toArray(String[]::new)));
    }

    @Test
    @Order(1)
    void aKlineFileBecomesAPaperFillWithOneCorrelationIdFromCandleToFill() throws Exception {
        EventCodec codec = new EventCodec();
        String kafka = infra.kafkaBootstrapServers();

        // Several analysts speak on the breakout candle; follow the chain of a TRADE signal to its fill.
        TradeChain chain = await().atMost(Duration.ofSeconds(90))
                .until(() -> firstTradeChain(codec, kafka), java.util.Objects::nonNull);
        OrderFilled fill = chain.fill();
        SignalValidated signal = chain.signal();
        TradeApproved approval = chain.approval();
        OrderIntentCreated intent = chain.intent();

        List<CandleClosed> candles = read(kafka, Topics.MARKET_CANDLES, CandleClosed.class, codec, candleRows.size());
        assertThat(signal.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(signal.tradeable()).isTrue();
        assertThat(signal.strategyId()).isIn("momentum", "mean-reversion", "breakout", "order-flow", "chart-patterns");
        assertThat(approval.signalId()).isEqualTo(signal.signalId());
        assertThat(intent.decisionId()).isEqualTo(approval.decisionId());

        // One correlation id from candle to fill: the candle whose close produced the signal started the chain.
        CandleClosed origin = candles.stream()
                .filter(c -> c.envelope().eventId().equals(fill.envelope().correlationId()))
                .findFirst()
                .orElseThrow();
        assertThat(origin.closeTime()).isEqualTo(signal.candleCloseTime());
        assertThat(List.of(signal.envelope(), approval.envelope(), intent.envelope(), fill.envelope()))
                .allSatisfy(envelope -> assertThat(envelope.correlationId())
                        .isEqualTo(origin.envelope().eventId()));
        assertThat(fill.clientOrderId()).isEqualTo(intent.clientOrderId());
        assertThat(fill.quantity()).isEqualTo(approval.quantity());

        // Paper venue: filled at the open of the candle after the signal candle (slippage 0 here), with a fee.
        CandleClosed next = candles.stream()
                .filter(c -> c.openTime().isAfter(origin.closeTime()))
                .findFirst()
                .orElseThrow();
        assertThat(fill.fillPrice()).isEqualTo(next.open());
        assertThat(fill.fee().amount()).isPositive();

        // Rows in all five schemas.
        assertThat(count("select count(*) from ingest.candles where symbol = ?", SYMBOL))
                .isEqualTo(candleRows.size());
        assertThat(count("select count(*) from ingest.rejections")).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from signal.signal_validations where signal_id = ?", signal.signalId()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from risk.decisions where signal_id = ? and outcome = 'APPROVED'",
                        signal.signalId()))
                .isEqualTo(1);
        assertThat(count(
                        "select count(*) from execution.orders where client_order_id = ? and state = 'FILLED'",
                        fill.clientOrderId()))
                .isEqualTo(1);
        assertThat(count("select count(*) from execution.order_events where client_order_id = ?", fill.clientOrderId()))
                .isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            // The candle's other analysts have signals (and decisions) of their own in the same chain.
            assertThat(count(
                            "select count(*) from monitor.signals where correlation_id = ? and strategy_id = ?",
                            origin.envelope().eventId(),
                            signal.strategyId()))
                    .isEqualTo(1);
            assertThat(count(
                            "select count(*) from monitor.decisions where correlation_id = ? and signal_id = ?",
                            origin.envelope().eventId(),
                            signal.signalId()))
                    .isEqualTo(1);
            assertThat(count(
                            "select count(*) from monitor.executions where correlation_id = ?",
                            origin.envelope().eventId()))
                    .isGreaterThanOrEqualTo(2);
        });

        // The line with a garbage price was rejected with a reason and published as a quality incident.
        List<QualityIncident> incidents = readAll(kafka, Topics.MARKET_QUALITY, QualityIncident.class, codec);
        assertThat(incidents).anySatisfy(incident -> {
            assertThat(incident.symbol().value()).isEqualTo(SYMBOL);
            assertThat(incident.rule()).isEqualTo("BAD_NUMBER");
        });

        // Every service counts what it did on its own Prometheus endpoint.
        assertThat(metric("ingest", "peregrine_ingest_candles_published_total")).isPositive();
        assertThat(metric("signal", "peregrine_signal_validations_total")).isPositive();
        assertThat(metric("risk", "peregrine_risk_decisions_total")).isPositive();
        assertThat(metric("execution", "peregrine_execution_fills_total")).isPositive();
        assertThat(metric("monitor", "peregrine_monitor_executions_total")).isPositive();
    }

    @Test
    @Order(2)
    void strategyCommandsAndEventsFlowAndAMalformedRecordIsDeadLetteredWithoutStoppingAnyone() throws Exception {
        EventCodec codec = new EventCodec();
        String kafka = infra.kafkaBootstrapServers();

        // Pausing while the replay is still producing the trade would make that trade untradeable.
        await().atMost(Duration.ofSeconds(90)).until(() -> firstTradeChain(codec, kafka), java.util.Objects::nonNull);

        HttpResponse<String> pause = http(
                "signal",
                "POST",
                "/api/v1/strategies/momentum/pause",
                TestTokens.OPERATOR,
                "{\"reason\":\"walking skeleton check\"}");
        assertThat(pause.statusCode()).isEqualTo(200);
        HttpResponse<String> resume = http(
                "signal", "POST", "/api/v1/strategies/momentum/resume", TestTokens.OPERATOR, "{\"reason\":\"done\"}");
        assertThat(resume.statusCode()).isEqualTo(200);
        assertThat(http("signal", "POST", "/api/v1/strategies/momentum/pause", TestTokens.VIEWER, "{\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http("signal", "POST", "/api/v1/strategies/momentum/pause", null, "{\"reason\":\"x\"}")
                        .statusCode())
                .isEqualTo(401);
        try (TopicProbe events = TopicProbe.open(kafka, Topics.STRATEGY_EVENTS)) {
            events.awaitMatching(
                    2,
                    r -> r.value() != null
                            && (r.value().contains("walking skeleton check")
                                    || r.value().contains("\"done\"")),
                    Duration.ofSeconds(30));
        }

        String garbage = "{\"type\":\"CandleClosed\",\"symbol\":\"not a symbol\"";
        RawRecords.send(kafka, Topics.MARKET_CANDLES, SYMBOL, garbage);
        try (TopicProbe deadLetters = TopicProbe.open(kafka, Topics.deadLetterOf(Topics.MARKET_CANDLES))) {
            deadLetters.awaitMatching(1, r -> garbage.equals(r.value()), Duration.ofSeconds(30));
        }
        assertThat(metric("signal", "peregrine_kafka_dead_letters_total")).isPositive();
        assertThat(services.values())
                .allSatisfy(context -> assertThat(context.isRunning()).isTrue());
    }

    /**
     * Runs after the flow and the dead letter above, so the lazily registered series they create exist. A name no
     * scrape has fails the test, unless it is made by Prometheus itself, not built yet, or registered only on an
     * event the replay does not produce and declared in the sources (see {@link MonitoringMetricNames}).
     */
    @Test
    @Order(3)
    void everyMetricADashboardOrAlertingRuleQueriesIsExportedAfterTheReplay() throws Exception {
        Path root = DeploymentDescriptors.findRepositoryRoot();
        Map<String, Set<String>> used = MonitoringMetricNames.usedNames(root);
        assertThat(used)
                .as("metric names parsed from deploy/grafana/dashboards and deploy/prometheus/rules")
                .containsKeys(
                        "peregrine_monitor_outcomes_measured_total",
                        "peregrine_risk_breaker_state",
                        "peregrine_kafka_dead_letters_total",
                        "jvm_memory_used_bytes",
                        "up");

        // The monitor measures outcomes and the CUSUM statistic as the replayed candles pass the horizons: wait for
        // them.
        Map<String, Set<String>> missing = new TreeMap<>();
        Set<String> exported = new TreeSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            exported.clear();
            for (String service : services.keySet()) {
                exported.addAll(MonitoringMetricNames.sampleNames(scrape(service)));
            }
            missing.clear();
            // Per-symbol exposure is exported only while something is held (MonitoringMetricNames.PRESENT_WHILE_HELD).
            boolean held = metric("risk", "peregrine_risk_gross_exposure") > 0;
            missing.putAll(MonitoringMetricNames.missing(used, exported, held));
            if (!missing.isEmpty()) {
                Thread.sleep(2000);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        assertThat(missing)
                .as("metrics used by a dashboard or rule that no service exports")
                .isEmpty();

        for (String name : MonitoringMetricNames.REGISTERED_ON_FIRST_EVENT) {
            assertThat(MonitoringMetricNames.declaredInSources(root, name))
                    .as(name + " is allowed to be absent before its first event, but no Micrometer builder declares it")
                    .isTrue();
        }
        // An allow-listed name that is exported or no longer used belongs off the list.
        assertThat(MonitoringMetricNames.NOT_YET_BUILT).allSatisfy(name -> {
            assertThat(used).as("pending metric " + name + " is still used").containsKey(name);
            assertThat(exported)
                    .as("pending metric " + name + " is exported now: take it off NOT_YET_BUILT")
                    .doesNotContain(name);
        });
    }

    /** A fill, with the intent, approval and signal behind it. */
    private record TradeChain(
            OrderFilled fill, OrderIntentCreated intent, TradeApproved approval, SignalValidated signal) {}

    /** The first fill of the symbol whose order goes back to a TRADE signal, or null while there is none. */
    private static TradeChain firstTradeChain(EventCodec codec, String kafka) {
        List<OrderFilled> fills = readAll(kafka, Topics.EXECUTION_REPORTS, OrderFilled.class, codec).stream()
                .filter(f -> f.symbol().value().equals(SYMBOL))
                .toList();
        if (fills.isEmpty()) {
            return null;
        }
        List<OrderIntentCreated> intents = readAll(kafka, Topics.ORDERS_INTENTS, OrderIntentCreated.class, codec);
        List<TradeApproved> approvals = readAll(kafka, Topics.RISK_DECISIONS, TradeApproved.class, codec);
        List<SignalValidated> signals = readAll(kafka, Topics.SIGNALS_VALIDATED, SignalValidated.class, codec);
        for (OrderFilled fill : fills) {
            OrderIntentCreated intent = intents.stream()
                    .filter(i -> i.clientOrderId().equals(fill.clientOrderId()))
                    .findFirst()
                    .orElse(null);
            TradeApproved approval = intent == null
                    ? null
                    : approvals.stream()
                            .filter(a -> a.decisionId().equals(intent.decisionId()))
                            .findFirst()
                            .orElse(null);
            SignalValidated signal = approval == null
                    ? null
                    : signals.stream()
                            .filter(s -> s.signalId().equals(approval.signalId()))
                            .findFirst()
                            .orElse(null);
            if (signal != null && signal.action() == RecommendedAction.TRADE) {
                return new TradeChain(fill, intent, approval, signal);
            }
        }
        return null;
    }

    private static <T> List<T> read(String kafka, String topic, Class<T> type, EventCodec codec, int atLeast) {
        try (TopicProbe probe = TopicProbe.open(kafka, topic)) {
            return probe
                    .awaitMatching(
                            atLeast,
                            r -> SYMBOL.equals(r.key()) && decodes(codec, topic, r, type),
                            Duration.ofSeconds(60))
                    .stream()
                    .map(r -> type.cast(codec.decodeFrom(topic, r.value())))
                    .toList();
        }
    }

    private static <T> List<T> readAll(String kafka, String topic, Class<T> type, EventCodec codec) {
        try (TopicProbe probe = TopicProbe.open(kafka, topic)) {
            return probe.poll().stream()
                    .filter(r -> SYMBOL.equals(r.key()) && decodes(codec, topic, r, type))
                    .map(r -> type.cast(codec.decodeFrom(topic, r.value())))
                    .toList();
        }
    }

    private static boolean decodes(
            EventCodec codec, String topic, ConsumerRecord<String, String> record, Class<?> type) {
        try {
            return type.isInstance(codec.decodeFrom(topic, record.value()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long count(String sql, Object... args) {
        var spec = jdbc.sql(sql);
        for (Object arg : args) {
            spec = spec.param(arg);
        }
        return spec.query(Long.class).single();
    }

    private static String scrape(String service) throws Exception {
        int port = Integer.parseInt(services.get(service).getEnvironment().getProperty("local.management.port"));
        String body = ServiceApi.at(port).get("/actuator/prometheus").body();
        if (System.getProperty("peregrine.scrape.dump") != null) {
            Path dump = Path.of(System.getProperty("peregrine.scrape.dump"));
            Files.createDirectories(dump);
            Files.writeString(dump.resolve(service + ".prom"), body);
        }
        return body;
    }

    private static double metric(String service, String name) throws Exception {
        String body = scrape(service);
        return body.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static HttpResponse<String> http(String service, String method, String path, String token, String body) {
        return ServiceApi.server(services.get(service).getEnvironment())
                .as(token)
                .send(method, path, body);
    }

    /**
     * A 15-minute series on which the analysts trade: 60 bars of a sideways market (closes stepping 0.2 % up for
     * 3 bars, then down for 3, ordinary volume, balanced takers), one breakout bar closing 1.8 % up on about five
     * times the volume with 85 % taker buying, then 20 bars rising 0.8 % each. On the breakout bar momentum (EMA
     * cross), breakout (Donchian break confirmed by volume) and order flow (one-sided volume spike) are BULLISH,
     * the verdict is BULLISH and breakout and order flow are TRADE signals (grade B); the range's lone momentum
     * crosses are skipped. 81 bars: fewer than ingest's PRICE_JUMP warm-up (100 returns), so no candle is flagged.
     * The same series as signal-service's {@code MarketScripts.breakout}.
     */
    private static List<String[]> generateCandles() {
        List<String[]> rows = new ArrayList<>();
        BigDecimal close = new BigDecimal("30000.00");
        for (int i = 0; i < 81; i++) {
            double percent;
            BigDecimal volume;
            BigDecimal takerShare;
            if (i < 60) {
                percent = (i / 3) % 2 == 0 ? 0.2 : -0.2;
                volume = new BigDecimal("12.345").add(BigDecimal.valueOf(i % 7));
                takerShare = new BigDecimal("0.5");
            } else if (i == 60) {
                percent = 1.8;
                volume = new BigDecimal("60");
                takerShare = new BigDecimal("0.85");
            } else {
                percent = 0.8;
                volume = new BigDecimal("20").add(BigDecimal.valueOf((i - 61) % 5));
                takerShare = new BigDecimal("0.6");
            }
            BigDecimal open = close;
            close = open.multiply(BigDecimal.valueOf(1 + percent / 100.0)).setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal high = open.max(close).multiply(new BigDecimal("1.001")).setScale(2, RoundingMode.CEILING);
            BigDecimal low = open.min(close).multiply(new BigDecimal("0.999")).setScale(2, RoundingMode.FLOOR);
            BigDecimal takerBuy = volume.multiply(takerShare).setScale(8, RoundingMode.HALF_EVEN);
            long openTime = FIRST_OPEN + i * FIFTEEN_MINUTES;
            rows.add(new String[] {
                Long.toString(openTime),
                open.toPlainString(),
                high.toPlainString(),
                low.toPlainString(),
                close.toPlainString(),
                volume.toPlainString(),
                Long.toString(openTime + FIFTEEN_MINUTES - 1),
                volume.multiply(close).setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                Long.toString(1000 + i),
                takerBuy.toPlainString(),
                takerBuy.multiply(close).setScale(2, RoundingMode.HALF_EVEN).toPlainString()
            });
        }
        return rows;
    }

    private static void writeKlineFile(Path file, List<String[]> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(
                "open_time,open,high,low,close,volume,close_time,quote_volume,trades,taker_buy_base_volume,taker_buy_quote_volume");
        for (int i = 0; i < rows.size(); i++) {
            lines.add(String.join(",", rows.get(i)));
            if (i == 10) {
                lines.add("1704000000000,not-a-price,1,1,1,1,1704000899999,1,1,1,1");
            }
        }
        Files.write(file, lines);
    }
}
