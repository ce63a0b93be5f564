package dev.peregrine.localstack.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.Topics;
import dev.peregrine.execution.ExecutionServiceApplication;
import dev.peregrine.ingest.IngestServiceApplication;
import dev.peregrine.localstack.IsolatedRun;
import dev.peregrine.localstack.fuzz.BadRequests.BadRequest;
import dev.peregrine.localstack.fuzz.BadRequests.Endpoint;
import dev.peregrine.localstack.fuzz.ConsumerLedger.Account;
import dev.peregrine.localstack.fuzz.ConsumerLedger.Consumer;
import dev.peregrine.localstack.fuzz.MalformedRecords.Fuzzed;
import dev.peregrine.localstack.fuzz.MalformedRecords.Kind;
import dev.peregrine.monitor.MonitorServiceApplication;
import dev.peregrine.risk.RiskServiceApplication;
import dev.peregrine.signal.SignalServiceApplication;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.ServiceArguments;
import dev.peregrine.testkit.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes the whole suite, five services in this JVM on the real embedded Kafka broker and PostgreSQL (as the local
 * stack runs them). Every topic some service consumes gets {@code peregrine.fuzz.records-per-topic} seeded records,
 * mostly malformed ({@link MalformedRecords}); then every consumer must have read them all (lag 0), each one either
 * processed or dead-lettered with a reason, and still be running. Then every REST endpoint of every service gets
 * malformed requests ({@link BadRequests}) with a valid OPERATOR token: each must be answered 4xx, and every service must
 * still answer its health check.
 *
 * <p>Defaults keep a CI run short; the full run (10,000 records per topic, so every consumer reads at least 10,000) is
 * {@code ./mvnw -o verify -pl local-stack -Dit.test=SuiteFuzzIT -Dperegrine.fuzz.records-per-topic=10000}. The seed is
 * printed; {@code -Dperegrine.fuzz.seed=<seed>} repeats a run's records and requests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteFuzzIT {

    private static final int RECORDS_PER_TOPIC = Integer.getInteger("peregrine.fuzz.records-per-topic", 250);
    private static final long SEED = Long.getLong("peregrine.fuzz.seed", 20261207L);
    /**
     * How long the consumers get to read everything: dead-lettering ran at about 2 records a second per consumer on a
     * busy 2-core machine, so by default a minute per 25 records per topic, at least 10.
     */
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(
            Integer.getInteger("peregrine.fuzz.drain-minutes", Math.max(10, RECORDS_PER_TOPIC / 25)));

    private static final int PARTITIONS = 3;
    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private static final Map<String, ConfigurableApplicationContext> services =
            Collections.synchronizedMap(new LinkedHashMap<>());
    private static InfrastructureEndpoints infra;
    private static String run;
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startSuite() {
        infra = RealInfrastructure.get();
        run = "fuzz" + Long.toHexString(System.nanoTime() & 0xFFFFFFFL);
        System.out.printf(
                "# fuzz: seed %d (-Dperegrine.fuzz.seed=%d), %,d records per consumed topic, run %s%n",
                SEED, SEED, RECORDS_PER_TOPIC, run);
        String jdbcUrl = IsolatedRun.createDatabase(infra, run);
        declareTopics();
        List<String> groups =
                List.of("signal", "risk", "execution", "monitor", "monitor-outcomes", "monitor-health", "ingest")
                        .stream()
                        .map(g -> run + "-" + g)
                        .toList();
        IsolatedRun.startGroupsAtEnd(infra.kafkaBootstrapServers(), groups);
        initializeLogging();
        startInParallel(
                Map.of(
                        "signal", SignalServiceApplication::builder,
                        "risk", RiskServiceApplication::builder,
                        "execution", ExecutionServiceApplication::builder,
                        "monitor", MonitorServiceApplication::builder),
                jdbcUrl);
        startInParallel(Map.of("ingest", IngestServiceApplication::builder), jdbcUrl);
    }

    @AfterAll
    static void stopSuite() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(services.values());
        Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    @Order(1)
    void everyConsumerProcessesOrDeadLettersEveryFuzzedRecordAndKeepsRunning() throws Exception {
        ConsumerLedger ledger = ConsumerLedger.of(services, infra.kafkaBootstrapServers());
        assertThat(ledger.consumers()).as("listener containers").isNotEmpty();
        assertThat(ledger.consumers())
                .allSatisfy(c -> assertThat(c.group()).as(c.label()).startsWith(run + "-"));
        Map<String, List<ObjectNode>> golden =
                MalformedRecords.readGoldenSamples(MalformedRecords.goldenSamplesDirectory());

        try (Admin admin = admin()) {
            // Quiet first: whatever the services published at start-up is read, and nothing moves any more.
            ConsumerLedger.Snapshot start = quiet(ledger, admin, null);

            Map<String, Map<Kind, Integer>> sent = produce(ledger.consumedTopics(), golden);

            AtomicReference<Map<Consumer, Long>> lastLag = new AtomicReference<>();
            long draining = System.nanoTime();
            ConsumerLedger.Snapshot end;
            try {
                end = await("every consumer group at lag 0")
                        .atMost(DRAIN_TIMEOUT)
                        .pollInterval(Duration.ofSeconds(2))
                        .failFast(
                                "a listener container stopped",
                                () -> ledger.consumers().stream().anyMatch(c -> !c.running()))
                        .until(() -> quietOrNull(ledger, admin, start, lastLag), java.util.Objects::nonNull);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                lastLag.get().forEach((c, lag) -> System.out.printf("# lag %-62s %d%n", c.label(), lag));
                throw e;
            }
            System.out.printf(
                    "# fuzz: every consumer at lag 0 %d ms after the last record was acknowledged%n",
                    Duration.ofNanos(System.nanoTime() - draining).toMillis());

            List<Account> accounts = ledger.accounts(admin, start);
            printConsumerTable(sent, accounts);
            assertThat(end).isNotNull();
            for (Account account : accounts) {
                Consumer consumer = account.consumer();
                assertThat(consumer.running())
                        .as("%s still running", consumer.label())
                        .isTrue();
                assertThat(account.recordsIn())
                        .as("records %s read", consumer.label())
                        .isGreaterThanOrEqualTo(RECORDS_PER_TOPIC);
                assertThat(account.processed() + account.deadLettered())
                        .as("%s: processed + dead-lettered = records in", consumer.label())
                        .isEqualTo(account.recordsIn());
                assertThat(account.deadLettersWithoutReason())
                        .as("%s: dead letters without a reason header", consumer.label())
                        .isZero();
            }
        }
        assertEveryServiceHealthy();
    }

    @Test
    @Order(2)
    void everyEndpointAnswersEveryMalformedRequestWith4xx() throws Exception {
        BadRequests generator = new BadRequests(SEED);
        Map<String, int[]> byEndpoint = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> freeTextAccepted = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, ConfigurableApplicationContext> service : services.entrySet()) {
            List<Endpoint> endpoints = BadRequests.endpoints(service.getKey(), service.getValue());
            assertThat(endpoints).as("%s maps endpoints", service.getKey()).isNotEmpty();
            int port = service.getValue().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            for (Endpoint endpoint : endpoints) {
                List<Endpoint> samePattern = endpoints.stream()
                        .filter(e -> e.pattern().equals(endpoint.pattern()))
                        .toList();
                int[] counts = byEndpoint.computeIfAbsent(endpoint.label(), l -> new int[4]);
                for (BadRequest request : generator.forEndpoint(endpoint, samePattern)) {
                    int status = send(port, request);
                    total++;
                    counts[0]++;
                    if (status >= 400 && status < 500) {
                        counts[1]++;
                    } else if (!request.mustBe4xx() && status < 500) {
                        counts[2]++;
                        freeTextAccepted.add(status + " " + endpoint.label() + " [" + request.kind() + "]");
                    } else {
                        counts[3]++;
                        failures.add(status + " " + endpoint.label() + " [" + request.kind() + "] " + request.method()
                                + " " + shorten(request.pathAndQuery()));
                    }
                }
            }
        }
        System.out.printf("# fuzz: %,d malformed requests to %d endpoints (seed %d)%n", total, byEndpoint.size(), SEED);
        // free-text 2xx: odd text in a filter without a grammar (strategy, regime, reason) matched nothing; allowed.
        System.out.printf("# %-66s %6s %6s %14s %6s%n", "endpoint", "sent", "4xx", "free-text 2xx", "wrong");
        byEndpoint.forEach(
                (label, c) -> System.out.printf("# %-66s %6d %6d %14d %6d%n", label, c[0], c[1], c[2], c[3]));
        freeTextAccepted.forEach(f -> System.out.println("# free text answered 2xx: " + f));
        failures.forEach(f -> System.out.println("# not 4xx: " + f));
        assertThat(failures).as("malformed requests not answered 4xx").isEmpty();
        assertEveryServiceHealthy();
    }

    private static int send(int port, BadRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestTokens.OPERATOR)
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            // The server refused the request outright (e.g. closed the connection on a body it would not read).
            return 499;
        }
    }

    private static void assertEveryServiceHealthy() throws Exception {
        for (Map.Entry<String, ConfigurableApplicationContext> service : services.entrySet()) {
            assertThat(service.getValue().isActive())
                    .as("%s context active", service.getKey())
                    .isTrue();
            int port = service.getValue().getEnvironment().getRequiredProperty("local.management.port", Integer.class);
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode())
                    .as("%s health: %s", service.getKey(), health.body())
                    .isEqualTo(200);
            assertThat(UP.matcher(health.body()).find())
                    .as("%s health UP: %s", service.getKey(), health.body())
                    .isTrue();
        }
    }

    /** Produces the fuzzed records, round robin over each topic's partitions, and counts them by kind. */
    private static Map<String, Map<Kind, Integer>> produce(List<String> topics, Map<String, List<ObjectNode>> golden)
            throws Exception {
        Map<String, Map<Kind, Integer>> sent = new TreeMap<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        262_144,
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        4 * 1024 * 1024),
                new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (String topic : topics) {
                MalformedRecords records = MalformedRecords.forTopic(SEED, topic, golden);
                Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
                for (int i = 0; i < RECORDS_PER_TOPIC; i++) {
                    Fuzzed fuzzed = records.next();
                    kinds.merge(fuzzed.kind(), 1, Integer::sum);
                    acks.add(producer.send(new ProducerRecord<>(topic, i % PARTITIONS, fuzzed.key(), fuzzed.value())));
                }
                sent.put(topic, kinds);
            }
            producer.flush();
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        }
        System.out.printf(
                "# fuzz: produced %,d records to %d topics in %d ms%n",
                (long) RECORDS_PER_TOPIC * topics.size(),
                topics.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return sent;
    }

    private static void printConsumerTable(Map<String, Map<Kind, Integer>> sent, List<Account> accounts) {
        System.out.println("# fuzz: records sent per topic, by kind");
        sent.forEach((topic, kinds) -> System.out.printf("#   %-24s %s%n", topic, kinds));
        System.out.printf(
                "# %-62s %8s %10s %14s %10s%n",
                "consumer (service group <- topic)", "in", "processed", "dead-lettered", "balanced");
        long in = 0;
        for (Account a : accounts) {
            in += a.recordsIn();
            System.out.printf(
                    "# %-62s %8d %10d %14d %10s%n",
                    a.consumer().label(), a.recordsIn(), a.processed(), a.deadLettered(), a.balanced() ? "yes" : "NO");
            System.out.printf("#     dead letters by exception: %s%n", a.reasons());
            a.unexpected().forEach(r -> System.out.printf("#     not a decoding failure: %s%n", shorten(r)));
        }
        System.out.printf("# fuzz: %d consumers read %,d records in all (seed %d)%n", accounts.size(), in, SEED);
    }

    /** Waits until every lag is 0 and nothing moved between two looks; the later look. */
    private static ConsumerLedger.Snapshot quiet(ConsumerLedger ledger, Admin admin, ConsumerLedger.Snapshot start) {
        AtomicReference<Map<Consumer, Long>> lastLag = new AtomicReference<>();
        return await("the suite quiet")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> quietOrNull(ledger, admin, start, lastLag), java.util.Objects::nonNull);
    }

    private static final Map<ConsumerLedger, ConsumerLedger.Snapshot> previous = new HashMap<>();

    private static ConsumerLedger.Snapshot quietOrNull(
            ConsumerLedger ledger,
            Admin admin,
            ConsumerLedger.Snapshot start,
            AtomicReference<Map<Consumer, Long>> lastLag) {
        ConsumerLedger.Snapshot now = ledger.snapshot(admin);
        ConsumerLedger.Snapshot reference = start != null ? start : now;
        Map<Consumer, Long> lag = ledger.lag(admin, reference);
        lastLag.set(lag);
        ConsumerLedger.Snapshot before = previous.put(ledger, now);
        boolean idle = lag.values().stream().allMatch(l -> l == 0);
        return idle && now.equals(before) ? now : null;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()));
    }

    /** Every topic and dead-letter topic, as the services declare them: the groups can then start at their ends. */
    private static void declareTopics() {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : Topics.ALL) {
                topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
                topics.add(new NewTopic(Topics.deadLetterOf(topic), PARTITIONS, (short) 1));
            }
            admin.createTopics(topics).values().values().forEach(f -> {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create a topic", e);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot create a topic", e);
                }
            });
        }
    }

    private static void startInParallel(Map<String, Supplier<SpringApplicationBuilder>> builders, String jdbcUrl) {
        Map<String, Future<ConfigurableApplicationContext>> futures = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(
                builders.size(), Thread.ofPlatform().name("start-", 0).factory())) {
            builders.forEach((name, builder) -> futures.put(name, executor.submit(() -> {
                Thread.currentThread().setName("start-" + name);
                return builder.get()
                        .registerShutdownHook(false)
                        .run(arguments(name, jdbcUrl).toArray(String[]::new));
            })));
        }
        List<String> failures = new ArrayList<>();
        futures.forEach((name, future) -> {
            try {
                services.put(name, future.get());
            } catch (ExecutionException e) {
                failures.add(name + "-service: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        if (!failures.isEmpty()) {
            stopSuite();
            throw new IllegalStateException("did not start: " + String.join("; ", failures));
        }
    }

    private static List<String> arguments(String service, String jdbcUrl) {
        List<String> args = ServiceArguments.inTest(infra, jdbcUrl);
        args.addAll(List.of(
                // The run's own consumer groups (started at the topics' ends above), and the opt-in dead-letter
                // endpoint on, so that it is fuzzed too.
                "--spring.kafka.consumer.group-id=" + run + "-" + service,
                "--peregrine.kafka.redrive.enabled=true",
                // Tens of thousands of dead letters: each is counted and carries its reason; one log line each
                // would only bury the output.
                "--logging.level.dev.peregrine.platform.kafka.DeadLetterRouting=ERROR",
                "--logging.level.org.springframework.kafka.listener.DefaultErrorHandler=OFF"));
        switch (service) {
            case "monitor" -> {
                args.add("--peregrine.monitor.outcomes.consumer-group=" + run + "-monitor-outcomes");
                args.add("--peregrine.monitor.auto-pause.consumer-group=" + run + "-monitor-health");
            }
            case "ingest" -> {
                args.add("--peregrine.ingest.replay.file=");
                args.add("--peregrine.ingest.binance.enabled=false");
            }
            default -> {}
        }
        return args;
    }

    /**
     * Initialises logging once, before any service: four contexts starting at once would each add their own console
     * appender (as in the local stack and benchmarks' AuditSuite).
     */
    private static void initializeLogging() {
        LoggingSystem logging = LoggingSystem.get(SuiteFuzzIT.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    private static String shorten(String value) {
        return value.length() <= 300 ? value : value.substring(0, 297) + "...";
    }
}
