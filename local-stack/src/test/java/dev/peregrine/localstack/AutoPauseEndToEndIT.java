package dev.peregrine.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.AlertRaised;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.PauseStrategy;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.Severity;
import dev.peregrine.common.event.SignalOutcomeMeasured;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.monitor.MonitorServiceApplication;
import dev.peregrine.signal.SignalServiceApplication;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceApi;
import dev.peregrine.testkit.ServiceArguments;
import dev.peregrine.testkit.TopicProbe;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-pause through signal-service (issue 11): monitor-service and signal-service run as separate Spring contexts
 * in this JVM over the real embedded Kafka broker and PostgreSQL. Measured outcomes of two of signal-service's own
 * analysts go onto {@code signals.outcomes.v1}: {@value #LOSER} loses 2 % per outcome (−1 % and −3 % in turn),
 * {@value #FLAT} has no edge on the same noise (+1 % and −1 % in turn). With the rule tuned small (minimum sample
 * 10, degrade at S ≥ 8, recover at S ≤ 4, allowance 0.15 sd, minimum expectancy 0) the loser's CUSUM is
 * S = 5 × ((0.01 + 0.03) / s − 2 × 0.15) = 17.47 at its 10th outcome (s = √(0.001 / 9) = 0.010541), while the flat
 * one's never rises above 0.80. The monitor must then send one {@code PauseStrategy} whose reason carries exactly
 * that evidence, signal-service must apply it (PAUSED over REST and in a {@code StrategyStateChanged} on
 * {@code strategy.events.v1} caused by the command, with the monitor's reason and requester), a CRITICAL
 * {@code STRATEGY_AUTO_PAUSED} alert must be on {@code alerts.v1}, and every other strategy must stay as it was.
 *
 * <p>Isolated from the module's other integration tests sharing the broker and server: both services use a database
 * of their own (created here) and consumer groups of their own, whose offsets are set to the end of every topic
 * before they start, so neither the registry nor the rule sees another test's records.
 */
class AutoPauseEndToEndIT {

    private static final String LOSER = "mean-reversion";
    private static final String FLAT = "order-flow";
    private static final int OUTCOMES_PER_STRATEGY = 14;
    private static final String MONITOR_REQUESTER = "monitor-service (auto-pause)";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static InfrastructureEndpoints infra;
    private static JdbcClient jdbc;
    private static ConfigurableApplicationContext signal;
    private static ConfigurableApplicationContext monitor;

    @BeforeAll
    static void startSignalAndMonitor() {
        infra = RealInfrastructure.get();
        String jdbcUrl = IsolatedRun.createDatabase(infra, "autopause_" + RUN);
        jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl, infra.jdbcUsername(), infra.jdbcPassword()));

        String signalGroup = "signal-service-ap-" + RUN;
        String monitorGroup = "monitor-service-ap-" + RUN;
        String outcomesGroup = "monitor-service-outcomes-ap-" + RUN;
        String healthGroup = "monitor-service-health-ap-" + RUN;
        IsolatedRun.startGroupsAtEnd(
                infra.kafkaBootstrapServers(), List.of(signalGroup, monitorGroup, outcomesGroup, healthGroup));

        CompletableFuture<ConfigurableApplicationContext> startingSignal = CompletableFuture.supplyAsync(() -> start(
                SignalServiceApplication.builder().main(SignalServiceApplication.class),
                jdbcUrl,
                "--spring.kafka.consumer.group-id=" + signalGroup));
        CompletableFuture<ConfigurableApplicationContext> startingMonitor = CompletableFuture.supplyAsync(() -> start(
                MonitorServiceApplication.builder().main(MonitorServiceApplication.class),
                jdbcUrl,
                "--spring.kafka.consumer.group-id=" + monitorGroup,
                "--peregrine.monitor.outcomes.consumer-group=" + outcomesGroup,
                "--peregrine.monitor.auto-pause.consumer-group=" + healthGroup,
                "--peregrine.monitor.auto-pause.horizon=4h",
                "--peregrine.monitor.auto-pause.minimum-sample=10",
                "--peregrine.monitor.auto-pause.decision-threshold=8",
                "--peregrine.monitor.auto-pause.recovery-threshold=4",
                "--peregrine.monitor.auto-pause.allowance=0.15",
                "--peregrine.monitor.auto-pause.minimum-expectancy=0",
                // Not needed here. A ScheduledJob waits 10 s on close for a next run further away than that,
                // so the reports and quality gauges are off and the two jobs that cannot be switched off run
                // often: closing the monitor then takes about a second instead of half a minute.
                "--peregrine.monitor.reports.send=false",
                "--peregrine.monitor.quality-metrics.enabled=false",
                "--peregrine.monitor.outcomes.unmeasurable-check-interval=2s",
                "--peregrine.monitor.advice.auto-apply.check-interval=2s"));
        try {
            signal = startingSignal.join();
        } finally {
            monitor = startingMonitor.join();
        }
    }

    @AfterAll
    static void stop() {
        if (monitor != null) {
            monitor.close();
        }
        if (signal != null) {
            signal.close();
        }
    }

    private static ConfigurableApplicationContext start(
            SpringApplicationBuilder builder, String jdbcUrl, String... extraArgs) {
        List<String> args = ServiceArguments.inTest(infra, jdbcUrl);
        args.addAll(List.of(extraArgs));
        return builder.registerShutdownHook(false).run(args.toArray(String[]::new));
    }

    @Test
    void aLosingStrategyIsPausedInSignalServiceWithTheMonitorsEvidenceAndAStrategyWithNoEdgeIsNot() throws Exception {
        Map<String, JsonNode> before = strategies();
        assertThat(before).containsKeys(LOSER, FLAT);
        assertThat(before.get(LOSER).path("state").asString()).isEqualTo("ACTIVE");
        assertThat(before.get(FLAT).path("state").asString()).isEqualTo("ACTIVE");

        // Outcomes at 4 h, one per 15 minutes and strategy, interleaved; one symbol, so one partition and in order.
        Instant firstSignal = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
        List<SignalOutcomeMeasured> outcomes = new ArrayList<>();
        for (int i = 0; i < OUTCOMES_PER_STRATEGY; i++) {
            Instant signalClose = firstSignal.plus(Duration.ofMinutes(15L * i)).minusMillis(1);
            outcomes.add(outcome(LOSER, signalClose, i % 2 == 0 ? "-0.01" : "-0.03"));
            outcomes.add(outcome(FLAT, signalClose, i % 2 == 0 ? "-0.01" : "0.01"));
        }
        List<SignalOutcomeMeasured> loserOutcomes =
                outcomes.stream().filter(o -> o.strategyId().equals(LOSER)).toList();
        long sentAfter = System.currentTimeMillis();

        try (TopicProbe commands = TopicProbe.open(infra.kafkaBootstrapServers(), Topics.STRATEGY_COMMANDS);
                TopicProbe events = TopicProbe.open(infra.kafkaBootstrapServers(), Topics.STRATEGY_EVENTS);
                TopicProbe alerts = TopicProbe.open(infra.kafkaBootstrapServers(), Topics.ALERTS)) {
            publish(outcomes);

            // 1. The monitor sends one PauseStrategy for the loser, its reason the rule's evidence at the 10th outcome.
            ConsumerRecord<String, String> commandRecord = commands.awaitMatching(
                            1, r -> r.timestamp() >= sentAfter && r.value().contains("\"PauseStrategy\""), WAIT)
                    .getFirst();
            PauseStrategy pause = (PauseStrategy) CODEC.decodeFrom(Topics.STRATEGY_COMMANDS, commandRecord.value());
            assertThat(pause.strategyId()).isEqualTo(LOSER);
            assertThat(pause.requestedBy()).isEqualTo(MONITOR_REQUESTER);
            assertThat(pause.reason())
                    .startsWith("auto-pause: one-sided lower CUSUM of standardised net returns: ")
                    .contains(
                            "S=17.47 (degrade >= 8.00, recover <= 4.00), k=0.15 sd, minimum expectancy 0.0000",
                            "n=10 (minimum 10), mean -0.02000, sd 0.01054",
                            "window " + loserOutcomes.getFirst().exitTime() + ".."
                                    + loserOutcomes.get(9).exitTime());

            // 2. signal-service applies it: a StrategyStateChanged caused by the command, with the monitor's reason ...
            ConsumerRecord<String, String> eventRecord = events.awaitMatching(
                            1,
                            r -> r.timestamp() >= sentAfter
                                    && r.value()
                                            .contains(pause.envelope().eventId().toString()),
                            WAIT)
                    .getFirst();
            StrategyStateChanged changed =
                    (StrategyStateChanged) CODEC.decodeFrom(Topics.STRATEGY_EVENTS, eventRecord.value());
            assertThat(changed.strategyId()).isEqualTo(LOSER);
            assertThat(changed.state()).isEqualTo(StrategyState.PAUSED);
            assertThat(changed.reason()).isEqualTo(pause.reason());
            assertThat(changed.changedBy()).isEqualTo(MONITOR_REQUESTER);
            assertThat(changed.envelope().causationId())
                    .isEqualTo(pause.envelope().eventId());
            assertThat(changed.envelope().correlationId())
                    .isEqualTo(pause.envelope().correlationId());
            assertThat(changed.weight())
                    .isEqualTo(before.get(LOSER).path("weight").asDouble());

            // ... and its registry says PAUSED over REST, with the same reason and requester.
            JsonNode paused = strategies().get(LOSER);
            assertThat(paused.path("state").asString()).isEqualTo("PAUSED");
            assertThat(paused.path("reason").asString()).isEqualTo(pause.reason());
            assertThat(paused.path("changedBy").asString()).isEqualTo(MONITOR_REQUESTER);
            assertThat(count(
                            "select count(*) from signal.strategy_audit where strategy_id = ? and command_id = ?",
                            LOSER,
                            pause.envelope().eventId()))
                    .isEqualTo(1);

            // 3. A CRITICAL alert with the same evidence and a runbook line.
            AlertRaised alert = (AlertRaised) CODEC.decodeFrom(
                    Topics.ALERTS,
                    alerts.awaitMatching(
                                    1,
                                    r -> r.timestamp() >= sentAfter && r.value().contains("STRATEGY_AUTO_PAUSED"),
                                    WAIT)
                            .getFirst()
                            .value());
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.source()).isEqualTo("monitor-service");
            assertThat(alert.subject()).isEqualTo(LOSER);
            assertThat(alert.message()).contains(pause.reason().substring("auto-pause: ".length()), "Runbook:");

            // 4. Every outcome judged (so the flat strategy had all its chances), and nothing else was decided or sent.
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(count("select count(*) from monitor.judged_outcomes where strategy_id = ?", LOSER))
                        .isEqualTo(OUTCOMES_PER_STRATEGY);
                assertThat(count("select count(*) from monitor.judged_outcomes where strategy_id = ?", FLAT))
                        .isEqualTo(OUTCOMES_PER_STRATEGY);
            });
            assertThat(count("select count(*) from monitor.health_decisions")).isEqualTo(1);
            assertThat(commands.poll())
                    .filteredOn(r -> r.timestamp() >= sentAfter)
                    .hasSize(1);
            assertThat(alerts.poll())
                    .filteredOn(r -> r.timestamp() >= sentAfter && r.value().contains("STRATEGY_AUTO_"))
                    .hasSize(1);
            assertThat(events.poll())
                    .filteredOn(r -> r.timestamp() >= sentAfter)
                    .hasSize(1);
        }

        // The other strategies, the flat one included, are exactly as they were.
        Map<String, JsonNode> after = strategies();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((id, view) -> {
            if (!id.equals(LOSER)) {
                assertThat(after.get(id)).as(id).isEqualTo(view);
            }
        });
        // The monitor's own standing: the loser degraded and paused by it, the flat one neither, every outcome counted.
        Map<String, JsonNode> health = new java.util.TreeMap<>();
        getJson(monitor, "/api/v1/strategies/health")
                .forEach(h -> health.put(h.path("strategyId").asString(), h));
        assertThat(health).containsOnlyKeys(LOSER, FLAT);
        assertThat(health.get(LOSER).path("outcomes").asInt()).isEqualTo(OUTCOMES_PER_STRATEGY);
        assertThat(health.get(LOSER).path("degraded").asBoolean()).isTrue();
        assertThat(health.get(LOSER).path("pausedByMonitor").asBoolean()).isTrue();
        assertThat(health.get(FLAT).path("outcomes").asInt()).isEqualTo(OUTCOMES_PER_STRATEGY);
        assertThat(health.get(FLAT).path("degraded").asBoolean()).isFalse();
        assertThat(health.get(FLAT).path("pausedByMonitor").asBoolean()).isFalse();
        assertThat(health.get(FLAT).path("cusum").asDouble()).isLessThan(1.0);
        assertThat(metric(signal, "peregrine_signal_strategies_paused")).isEqualTo(1.0);
    }

    private static SignalOutcomeMeasured outcome(String strategy, Instant signalClose, String netReturn) {
        BigDecimal net = new BigDecimal(netReturn);
        BigDecimal cost = new BigDecimal("0.002");
        BigDecimal forward = net.add(cost);
        Instant entry = signalClose.plusMillis(1);
        Instant exit = entry.plus(Duration.ofHours(4));
        Price entryPrice = Price.of("30000");
        Price exitPrice = Price.of(
                new BigDecimal("30000").multiply(BigDecimal.ONE.add(forward)).toPlainString());
        return new SignalOutcomeMeasured(
                Envelope.root(DerivedIds.from("auto-pause-e2e-outcome", RUN, strategy, signalClose), exit, exit),
                DerivedIds.from("auto-pause-e2e-signal", RUN, strategy, signalClose),
                strategy,
                Symbol.of("APEUSDT"),
                Interval.FIFTEEN_MINUTES,
                Side.BUY,
                Grade.B,
                70,
                0.7,
                RecommendedAction.TRADE,
                true,
                null,
                Duration.ofHours(4),
                entry,
                entryPrice,
                exit,
                exitPrice,
                forward,
                cost,
                net,
                forward.max(BigDecimal.ZERO),
                forward.min(BigDecimal.ZERO),
                net.signum() > 0,
                List.of());
    }

    private static void publish(List<SignalOutcomeMeasured> outcomes) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new StringSerializer())) {
            for (SignalOutcomeMeasured outcome : outcomes) {
                producer.send(new ProducerRecord<>(Topics.SIGNALS_OUTCOMES, outcome.key(), CODEC.encode(outcome)));
            }
            producer.flush();
        }
    }

    private static Map<String, JsonNode> strategies() throws Exception {
        Map<String, JsonNode> byId = new java.util.TreeMap<>();
        for (JsonNode strategy : getJson(signal, "/api/v1/strategies")) {
            byId.put(strategy.path("id").asString(), strategy);
        }
        return byId;
    }

    private static JsonNode getJson(ConfigurableApplicationContext service, String path) throws Exception {
        HttpResponse<String> response =
                ServiceApi.server(service.getEnvironment()).asViewer().get(path);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static double metric(ConfigurableApplicationContext service, String name) throws Exception {
        String body = ServiceApi.management(service.getEnvironment())
                .get("/actuator/prometheus")
                .body();
        return body.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long count(String sql, Object... args) {
        var spec = jdbc.sql(sql);
        for (Object arg : args) {
            spec = spec.param(arg);
        }
        return spec.query(Long.class).single();
    }
}
