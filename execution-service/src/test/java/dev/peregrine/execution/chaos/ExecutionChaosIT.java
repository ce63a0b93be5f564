package dev.peregrine.execution.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.exchangesim.ExchangeSimulator;
import dev.peregrine.exchangesim.Instrument;
import dev.peregrine.exchangesim.Kline;
import dev.peregrine.exchangesim.KlineInterval;
import dev.peregrine.exchangesim.RecordedRequest;
import dev.peregrine.exchangesim.ServerTime;
import dev.peregrine.exchangesim.SimulatorConfig;
import dev.peregrine.execution.fixtures.Events;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The chaos test of issue 10: execution-service runs as a separate process ({@code java -jar} of its Spring Boot jar)
 * with venue BINANCE against an exchange-sim in this JVM, on a real Kafka broker and a real PostgreSQL started here.
 * Order intents flow while exchange-sim faults are switched on at random (accepted then timed out, accepted then
 * closed, accepted then 5XX, -1007, 429, an unbooked 5XX) and the service is killed with SIGKILL at random moments
 * (a random delay, while an order is on the wire, while an order is UNKNOWN, during start-up) and started again.
 * After a final restart and reconciliation it prints, and asserts to be 0: duplicate venue orders, intents without
 * exactly one terminal outcome, fills missing from the audit trail, local vs venue state differences.
 *
 * <p>Size: {@code -Dchaos.intents} (default 60), {@code -Dchaos.kills} (default max(3, intents / 50)),
 * {@code -Dchaos.seed}, {@code -Dchaos.fault-rate} (default 0.3 per intent). The full form is documented in
 * docs/execution-chaos.md. Logs of every start of the service are under the build directory's {@code chaos/}.
 */
class ExecutionChaosIT {

    private static final int INTENTS = Integer.getInteger("chaos.intents", 60);
    private static final int KILLS = Integer.getInteger("chaos.kills", Math.max(3, INTENTS / 50));
    private static final long SEED = Long.getLong("chaos.seed", 10_000_10L);
    private static final double FAULT_RATE = Double.parseDouble(System.getProperty("chaos.fault-rate", "0.3"));
    /** Binance spot's REQUEST_WEIGHT per minute; the service must live within it. */
    private static final int WEIGHT_LIMIT = Integer.getInteger("chaos.weight-limit", 6000);
    /** Intents published ahead of the last one the service has stored. */
    private static final int WINDOW = 3;

    private static final double EXIT_SHARE = 0.15;

    private static final String API_KEY = "chaosApiKey00000000000000000000000000000000000000000000000000Ab12";
    private static final String SECRET_KEY = "chaosSecretKey0000000000000000000000000000000000000000000000Zz99";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ABSENCE_GRACE = Duration.ofSeconds(3);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STORE_TIMEOUT = Duration.ofMinutes(3);
    private static final Map<String, BigDecimal> BALANCES = Map.of("USDT", new BigDecimal("1000000"));
    /** Symbol, base asset, first price. */
    private static final List<String[]> SYMBOLS =
            List.of(new String[] {"BTCUSDT", "BTC", "100.00"}, new String[] {"ETHUSDT", "ETH", "50.00"});

    private static final Instant KLINES_FROM = Instant.parse("2024-05-01T00:00:00Z");

    private static final EventCodec codec = new EventCodec();
    private static Path runDir;
    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaBroker kafka;
    private static ExchangeSimulator exchange;
    private static KafkaProducer<String, String> producer;
    private static ServiceProcess service;

    private final Random random = new Random(SEED);
    private final List<ChaosAudit.Published> published = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final Map<String, Integer> armed = new TreeMap<>();
    private final Map<String, Integer> killModes = new TreeMap<>();
    private final List<Long> readySeconds = new ArrayList<>();
    private String prefix;
    private int duplicatesSeenAtRestarts;

    private enum KillMode {
        /** After a random 0-3 s of flow. */
        RANDOM_DELAY,
        /** While an order the venue has already booked waits for its answer (PENDING_SUBMIT here). */
        ORDER_ON_THE_WIRE,
        /** While an order is UNKNOWN (answered 5XX), before the service has resolved it. */
        ORDER_UNKNOWN,
        /** Again 1-8 s after a restart: during start-up and the first reconciliation. */
        DURING_START_UP
    }

    @BeforeAll
    static void startInfrastructure() throws IOException {
        Path buildDir = buildDir();
        runDir = Files.createDirectories(buildDir.resolve("chaos")
                .resolve("run-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now())));
        // Its own broker and server: a Spring context of another IT in this JVM would join the service's consumer
        // group (named after its listener) and take intents away from the child.
        postgres = EmbeddedPostgres.builder().start();
        kafka = new EmbeddedKafkaKraftBroker(1, 3)
                .brokerProperties(Map.of(
                        "auto.create.topics.enable", "true",
                        "transaction.state.log.replication.factor", "1",
                        "transaction.state.log.min.isr", "1",
                        "offsets.topic.replication.factor", "1",
                        "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.getBrokersAsString(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());

        SimulatorConfig.Builder config = SimulatorConfig.builder()
                // Server time is the wall clock, so the service's synced clock and signed timestamps stay valid
                // between klines (the market clock only moves when one is released).
                .serverTime(ServerTime.WALL_CLOCK)
                .weightLimitPerMinute(WEIGHT_LIMIT)
                .apiKeys(API_KEY, SECRET_KEY);
        BALANCES.forEach((asset, amount) -> config.balance(asset, amount.toPlainString()));
        Random prices = new Random(SEED + 1);
        for (String[] symbol : SYMBOLS) {
            config.instrument(Instrument.trading(symbol[0], symbol[1], "USDT", "0.01", "0.000001", "0.000001", "5"));
            config.klines(symbol[0], KlineInterval.M1, randomWalk(new BigDecimal(symbol[2]), prices));
        }
        exchange = ExchangeSimulator.start(config.build());
        exchange.advance(1);

        Path jar = serviceJar(buildDir);
        service = new ServiceProcess(
                jar,
                runDir,
                Map.of("BINANCE_API_KEY", API_KEY, "BINANCE_SECRET_KEY", SECRET_KEY),
                List.of(
                        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        // Kafka's 45 s default would keep a killed consumer's partitions for 45 s after each kill.
                        "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                        "--spring.kafka.consumer.properties.heartbeat.interval.ms=1500",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--peregrine.security.operator-token=chaos-operator-token-0123456789",
                        "--peregrine.security.viewer-token=chaos-viewer-token-0123456789",
                        "--peregrine.execution.venue=BINANCE",
                        "--peregrine.execution.binance.rest-base-url=" + exchange.restBaseUrl(),
                        "--peregrine.execution.binance.ws-api-url=" + exchange.wsApiUrl(),
                        "--peregrine.execution.binance.testnet=false",
                        "--peregrine.execution.binance.read-timeout=" + READ_TIMEOUT.toMillis() + "ms",
                        // Intents wait in Kafka while the service restarts; they must not go stale meanwhile.
                        "--peregrine.execution.binance.intent-max-age=1h",
                        "--peregrine.execution.venue-orders.reconcile-every=2s",
                        "--peregrine.execution.venue-orders.resolve-every=1s",
                        "--peregrine.execution.venue-orders.first-retry=500ms",
                        "--peregrine.execution.venue-orders.max-retry=2s",
                        "--peregrine.execution.venue-orders.absence-grace=" + ABSENCE_GRACE.toMillis() + "ms"));
    }

    @AfterAll
    static void stopEverything() {
        closeQuietly(service);
        closeQuietly(producer);
        closeQuietly(exchange);
        if (kafka != null) {
            kafka.destroy();
        }
        closeQuietly(postgres);
    }

    @Test
    void noDuplicateNoLostOutcomeNoMissingFillAndEqualStatesAfterKillsAndFaults() {
        prefix = "ch" + Long.toString(Instant.now().getEpochSecond() % 1_000_000, 36) + "-";
        Set<Integer> killAt = killIndices();
        List<KillMode> modes = killModes();
        Instant began = Instant.now();
        note("seed " + SEED + ", " + INTENTS + " intents, kills after intents " + killAt + " (" + modes
                + "), fault rate " + FAULT_RATE + ", logs in " + runDir);

        RuntimeException stopped = null;
        try {
            service.start();
            awaitReady();
            flow(killAt, modes);
            note("all intents published after " + secondsSince(began) + " s; all terminal before the final kill: "
                    + awaitAllTerminal(Duration.ofMinutes(3)));
        } catch (RuntimeException e) {
            // The figures are still worth printing: they say what the service left behind when it stopped coping.
            stopped = e;
            note("the flow stopped after " + published.size() + " intents: " + e);
        }

        service.kill();
        service.start();
        boolean ready = tryAwaitReady();
        boolean settled = ready && awaitAllTerminal(Duration.ofMinutes(2));
        ChaosAudit.Figures figures = audit().figures(published, prefix, symbols());
        String summary = summary(figures, ready, settled, began);
        System.out.println(summary);
        writeSummary(summary);

        assertThat(figures.duplicateVenueOrders()).as("duplicate venue orders").isZero();
        assertThat(duplicatesSeenAtRestarts)
                .as("duplicate venue orders seen after a restart")
                .isZero();
        assertThat(figures.withoutOneTerminalOutcome())
                .as("intents without exactly one terminal outcome")
                .isZero();
        assertThat(figures.fillsMissingFromAudit())
                .as("fills missing from the audit trail")
                .isZero();
        assertThat(figures.stateDifferences())
                .as("local vs venue state differences")
                .isZero();
        assertThat(stopped)
                .as("the flow of intents (see " + runDir.resolve("summary.txt") + ")")
                .isNull();
        assertThat(ready).as("ready after the final restart").isTrue();
        assertThat(figures.outcomes().keySet())
                .as("some intents filled")
                .anyMatch(outcome -> outcome.endsWith("FILLED"));
    }

    // ---- the flow -----------------------------------------------------------------------------------------------

    private void flow(Set<Integer> killAt, List<KillMode> modes) {
        int kill = 0;
        for (int i = 0; i < INTENTS; i++) {
            if (i > 0 && i % 20 == 0) {
                exchange.advance(1);
            }
            KillMode mode = killAt.contains(i) ? modes.get(kill++ % modes.size()) : null;
            boolean entryOnly = mode == KillMode.ORDER_ON_THE_WIRE || mode == KillMode.ORDER_UNKNOWN;
            if (mode == KillMode.ORDER_ON_THE_WIRE) {
                arm(VenueFault.ACCEPTED_THEN_TIMEOUT);
            } else if (mode == KillMode.ORDER_UNKNOWN) {
                arm(VenueFault.ACCEPTED_THEN_5XX);
            } else if (random.nextDouble() < FAULT_RATE) {
                VenueFault fault = VenueFault.pick(random);
                if (!fault.afterAcceptance() || exchange.faults().pendingOrderFaults() < 2) {
                    arm(fault);
                }
            }
            publish(i, entryOnly);
            if (mode != null) {
                killAndRestart(mode, i);
            } else if (i >= WINDOW) {
                awaitStored(published.get(i - WINDOW).clientOrderId());
            }
        }
    }

    private void publish(int index, boolean entryOnly) {
        String[] symbol = SYMBOLS.get(random.nextInt(SYMBOLS.size()));
        String clientOrderId = prefix + index;
        boolean exit = !entryOnly && index >= 4 && random.nextDouble() < EXIT_SHARE;
        BigDecimal unit = symbol[0].equals("BTCUSDT") ? new BigDecimal("0.1") : new BigDecimal("0.2");
        // 1.00 to 2.99 units: three decimals, so a 0.1 % commission in the base asset leaves six (the step size).
        BigDecimal quantity = unit.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(random.nextInt(200), 2)));
        Instant notBefore = Instant.now();
        OrderIntentCreated intent = exit
                ? Events.exit(symbol[0], clientOrderId, quantity.toPlainString(), notBefore)
                : Events.marketIntent(symbol[0], clientOrderId, quantity.toPlainString(), notBefore);
        try {
            producer.send(new ProducerRecord<>(Topics.ORDERS_INTENTS, intent.key(), codec.encode(intent)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish intent " + clientOrderId, e);
        }
        published.add(new ChaosAudit.Published(clientOrderId, symbol[0], exit));
    }

    private void arm(VenueFault fault) {
        fault.arm(exchange.faults(), random, READ_TIMEOUT);
        armed.merge(fault.name(), 1, Integer::sum);
    }

    private void killAndRestart(KillMode mode, int index) {
        String moment = switch (mode) {
            case RANDOM_DELAY -> {
                Duration delay = Duration.ofMillis(random.nextInt(3000));
                service.runFor(delay);
                yield "after " + delay.toMillis() + " ms";
            }
            case ORDER_ON_THE_WIRE -> waitForMoment(this::orderOnTheWire, "with an order booked and unanswered", index);
            case ORDER_UNKNOWN -> waitForMoment(() -> anyLocalOrderIn("UNKNOWN"), "with an order UNKNOWN", index);
            case DURING_START_UP -> "after intent " + index;
        };
        String unresolved = unresolvedNow();
        service.kill();
        killModes.merge(mode.name(), 1, Integer::sum);
        note("SIGKILL " + service.kills() + " after intent " + index + " (" + mode + ", " + moment + "); unresolved: "
                + unresolved);
        service.start();
        if (mode == KillMode.DURING_START_UP) {
            Duration delay = Duration.ofMillis(1000 + random.nextInt(7000));
            service.runFor(delay);
            String during = service.isReady() ? "ready" : "not ready";
            service.kill();
            killModes.merge(mode.name() + " (second kill)", 1, Integer::sum);
            note("SIGKILL " + service.kills() + " " + delay.toMillis() + " ms after the restart (" + during + ")");
            service.start();
        }
        awaitReady();
        int duplicates = audit().figures(List.of(), prefix, symbols()).duplicateVenueOrders();
        duplicatesSeenAtRestarts += duplicates;
        note("restart " + service.starts() + " reconciled and ready; duplicate venue orders so far: " + duplicates);
    }

    /**
     * Waits up to 30 s for the moment, or until intent {@code index} is settled without it (an earlier fault, e.g. a
     * 429, refused its order, and the armed one waits for an order that is not coming); kills anyway then (said in
     * the timeline).
     */
    private String waitForMoment(BooleanSupplier moment, String what, int index) {
        String clientOrderId = published.get(index).clientOrderId();
        AtomicBoolean came = new AtomicBoolean();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        came.set(moment.getAsBoolean());
                        return came.get() || audit().terminal(List.of(published.get(index)), clientOrderId) == 1;
                    });
            return came.get() ? what : "NOT " + what + " (intent " + index + " settled without it)";
        } catch (ConditionTimeoutException e) {
            return "NOT " + what + " (the moment did not come within 30 s)";
        }
    }

    /** An order of ours stored PENDING_SUBMIT that the venue has already booked: the send's answer is pending. */
    private boolean orderOnTheWire() {
        Set<String> atVenue = new HashSet<>();
        for (String symbol : symbols()) {
            exchange.orders(symbol).forEach(order -> atVenue.add(order.clientOrderId()));
        }
        return audit().localOrders(prefix).values().stream()
                .anyMatch(order -> order.state().equals("PENDING_SUBMIT") && atVenue.contains(order.clientOrderId()));
    }

    private boolean anyLocalOrderIn(String state) {
        return audit().localOrders(prefix).values().stream()
                .anyMatch(order -> order.state().equals(state));
    }

    private String unresolvedNow() {
        return audit().localOrders(prefix).values().stream()
                .filter(order -> !Set.of("FILLED", "REJECTED", "CANCELED").contains(order.state()))
                .map(order -> order.clientOrderId() + " " + order.state())
                .sorted()
                .toList()
                .toString();
    }

    private void awaitReady() {
        Instant from = Instant.now();
        await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            revive();
            return service.isReady();
        });
        readySeconds.add(secondsSince(from));
    }

    private boolean tryAwaitReady() {
        try {
            awaitReady();
            return true;
        } catch (ConditionTimeoutException e) {
            note("not ready " + READY_TIMEOUT.toSeconds() + " s after the final restart");
            return false;
        }
    }

    /** Starts the service again if it ended by itself (start-up refused, crashed), as an orchestrator would. */
    private void revive() {
        if (service.reviveIfDead()) {
            note("the service had exited by itself; start " + service.starts());
        }
    }

    private void awaitStored(String clientOrderId) {
        await().atMost(STORE_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
            revive();
            return audit().localOrders(clientOrderId).containsKey(clientOrderId);
        });
    }

    /** Whether every published intent reached a terminal state within {@code limit}. */
    private boolean awaitAllTerminal(Duration limit) {
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
                revive();
                return audit().terminal(published, prefix) == published.size();
            });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    // ---- the figures ----------------------------------------------------------------------------------------------

    private String summary(ChaosAudit.Figures figures, boolean ready, boolean settled, Instant began) {
        Map<String, Long> reports = reportFigures();
        StringBuilder out = new StringBuilder("\n=== execution-service chaos run ===\n");
        out.append("seed ")
                .append(SEED)
                .append(", ")
                .append(figures.intents())
                .append(" intents, ")
                .append(service.kills())
                .append(" SIGKILLs ")
                .append(killModes)
                .append(", ")
                .append(service.starts())
                .append(" starts, ")
                .append(secondsSince(began))
                .append(" s, ready after the final restart: ")
                .append(ready)
                .append(", all terminal at the end: ")
                .append(settled)
                .append('\n');
        out.append("faults armed ")
                .append(armed)
                .append("; exchange-sim counted ")
                .append(faultCounts())
                .append('\n');
        out.append("seconds to readiness per start ").append(readySeconds).append('\n');
        out.append("outcomes ").append(figures.outcomes()).append('\n');
        out.append("reconciliation differences recorded ")
                .append(reconciliationDifferences())
                .append('\n');
        out.append("duplicate venue orders: ")
                .append(figures.duplicateVenueOrders())
                .append('\n');
        out.append("intents without exactly one terminal outcome: ")
                .append(figures.withoutOneTerminalOutcome())
                .append('\n');
        out.append("fills missing from the audit trail: ")
                .append(figures.fillsMissingFromAudit())
                .append('\n');
        out.append("local vs venue state differences: ")
                .append(figures.stateDifferences())
                .append('\n');
        out.append("(not asserted) terminal outcomes never reported on ")
                .append(Topics.EXECUTION_REPORTS)
                .append(": ")
                .append(reports.get("missing"))
                .append(", intents reported with two different terminal outcomes: ")
                .append(reports.get("conflicting"))
                .append('\n');
        figures.examples()
                .forEach((kind, list) -> list.forEach(example -> out.append("  ")
                        .append(kind)
                        .append(": ")
                        .append(example)
                        .append('\n')));
        out.append("unexpected exits of the service: ")
                .append(service.unexpectedExits().size())
                .append('\n');
        service.unexpectedExits().stream()
                .limit(3)
                .forEach(exit -> out.append("  ").append(exit).append('\n'));
        List<String> errors = service.logLinesContaining(" ERROR ");
        out.append("ERROR lines in the service's logs: ").append(errors.size()).append('\n');
        errors.stream().limit(15).forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("timeline:\n");
        timeline.forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    /** Terminal outcomes stored but never reported, and intents reported with two different terminal outcomes. */
    private Map<String, Long> reportFigures() {
        Map<String, Set<String>> reported = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.getBrokersAsString(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EXECUTION_REPORTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    ExecutionReportEvent report = codec.decode(record.value(), ExecutionReportEvent.class);
                    reported.computeIfAbsent(report.clientOrderId(), id -> new TreeSet<>())
                            .add(report.getClass().getSimpleName());
                }
            }
        }
        Map<String, String> terminalReport =
                Map.of("FILLED", "OrderFilled", "REJECTED", "OrderRejected", "CANCELED", "OrderCanceled");
        Map<String, ChaosAudit.LocalOrder> local = audit().localOrders(prefix);
        long missing = 0;
        long conflicting = 0;
        for (ChaosAudit.Published intent : published) {
            ChaosAudit.LocalOrder order = local.get(intent.clientOrderId());
            Set<String> types = reported.getOrDefault(intent.clientOrderId(), Set.of());
            if (order != null
                    && terminalReport.containsKey(order.state())
                    && !types.contains(terminalReport.get(order.state()))) {
                missing++;
                note("not reported: " + intent.clientOrderId() + " " + order.state() + ", reports " + types);
            }
            if (types.stream().filter(terminalReport::containsValue).count() > 1) {
                conflicting++;
                note("reported twice differently: " + intent.clientOrderId() + " " + types);
            }
        }
        return Map.of("missing", missing, "conflicting", conflicting);
    }

    private Map<String, Long> reconciliationDifferences() {
        Map<String, Long> kinds = new TreeMap<>();
        try (Connection connection = connection();
                PreparedStatement query = connection.prepareStatement(
                        "select kind, count(*) from execution.reconciliation_differences where client_order_id like ? group by kind")) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    kinds.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return kinds;
    }

    private static Map<String, Long> faultCounts() {
        Map<String, Long> counts = new TreeMap<>();
        exchange.faults().counts().forEach((type, count) -> {
            if (count > 0) {
                counts.put(type.name(), count);
            }
        });
        List<RecordedRequest> requests = exchange.requests().all();
        counts.put("REST requests", (long) requests.size());
        counts.put(
                "REST weight",
                requests.stream().mapToLong(RecordedRequest::weight).sum());
        counts.put(
                "answered 429",
                requests.stream().filter(request -> request.status() == 429).count());
        counts.put(
                "answered 418",
                requests.stream().filter(request -> request.status() == 418).count());
        exchange.requests()
                .retryAfterViolations()
                .forEach(request -> counts.merge(
                        "sent inside a Retry-After: " + request.method() + " " + request.path(), 1L, Long::sum));
        return counts;
    }

    private void writeSummary(String summary) {
        try {
            Files.writeString(runDir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("cannot write the summary: " + e);
        }
    }

    // ---- set-up helpers -------------------------------------------------------------------------------------------

    private Set<Integer> killIndices() {
        Set<Integer> indices = new TreeSet<>();
        int room = Math.max(1, INTENTS - 4);
        while (indices.size() < Math.min(KILLS, room)) {
            indices.add(2 + random.nextInt(room));
        }
        return indices;
    }

    private List<KillMode> killModes() {
        List<KillMode> modes = new ArrayList<>(List.of(KillMode.values()));
        Collections.shuffle(modes, random);
        return modes;
    }

    private void note(String line) {
        timeline.add(String.format("%6.1f s  %s", (System.nanoTime() - START_NANOS) / 1e9, line));
    }

    private static final long START_NANOS = System.nanoTime();

    private static ChaosAudit audit() {
        return new ChaosAudit(ExecutionChaosIT::connection, exchange, BALANCES);
    }

    private static Connection connection() {
        try {
            return postgres.getPostgresDatabase().getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL", e);
        }
    }

    private static List<String> symbols() {
        return SYMBOLS.stream().map(symbol -> symbol[0]).toList();
    }

    private static long secondsSince(Instant from) {
        return Duration.between(from, Instant.now()).toSeconds();
    }

    /** 240 one-minute klines, each moving up to 0.5 % from the last close. */
    private static List<Kline> randomWalk(BigDecimal first, Random prices) {
        List<Kline> klines = new ArrayList<>();
        BigDecimal open = first;
        for (int i = 0; i < 240; i++) {
            BigDecimal move = BigDecimal.valueOf(prices.nextInt(101) - 50, 4);
            BigDecimal close = open.multiply(BigDecimal.ONE.add(move)).setScale(2, RoundingMode.HALF_UP);
            BigDecimal high = open.max(close).add(new BigDecimal("0.05"));
            BigDecimal low = open.min(close).subtract(new BigDecimal("0.05"));
            klines.add(Kline.of(
                    KlineInterval.M1,
                    KLINES_FROM.plus(Duration.ofMinutes(i)),
                    open.toPlainString(),
                    high.toPlainString(),
                    low.toPlainString(),
                    close.toPlainString(),
                    "10"));
            open = close;
        }
        return klines;
    }

    /** The build directory: where this class's test-classes directory is. */
    private static Path buildDir() {
        try {
            return Path.of(ExecutionChaosIT.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -Dchaos.jar}, else the service's Spring Boot jar ({@code *-exec.jar}) in the build directory. */
    private static Path serviceJar(Path buildDir) throws IOException {
        String configured = System.getProperty("chaos.jar");
        if (configured != null) {
            return Path.of(configured);
        }
        try (Stream<Path> files = Files.list(buildDir)) {
            return files.filter(file -> file.getFileName().toString().matches("execution-service-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no execution-service-*-exec.jar in " + buildDir
                            + ": the chaos test runs after package (./mvnw verify), or set -Dchaos.jar"));
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.out.println("closing " + closeable + ": " + e);
        }
    }
}
