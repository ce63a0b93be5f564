package dev.peregrine.benchmarks.audit;

import dev.peregrine.execution.ExecutionServiceApplication;
import dev.peregrine.ingest.IngestServiceApplication;
import dev.peregrine.monitor.MonitorServiceApplication;
import dev.peregrine.risk.RiskServiceApplication;
import dev.peregrine.signal.SignalServiceApplication;
import dev.peregrine.testkit.InfrastructureEndpoints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * The five services in this JVM, each in its own application context on random ports, with their shipped defaults
 * (paper venue, risk-service.yml's limits, ingest's exchangeInfo snapshot for replays), pointed at the given Kafka and
 * PostgreSQL. As in the local stack, the four downstream services start first, side by side, so their consumers are
 * subscribed before ingest (started last) publishes; they close in the reverse order. Public for the monitor's
 * cross-check ({@code crosscheck.MonitorCrossCheck}), which runs the same suite.
 */
public final class AuditSuite implements AutoCloseable {

    static final String INGEST = "ingest";
    static final String SIGNAL = "signal";
    static final String RISK = "risk";
    static final String EXECUTION = "execution";
    static final String MONITOR = "monitor";

    private final Map<String, ConfigurableApplicationContext> running =
            Collections.synchronizedMap(new LinkedHashMap<>());

    private AuditSuite() {}

    /** @param replayDirectory where the files the audit replays over REST lie: ingest replays only files below it */
    public static AuditSuite start(
            InfrastructureEndpoints infra,
            String operatorToken,
            String viewerToken,
            java.nio.file.Path replayDirectory) {
        initializeLogging();
        AuditSuite suite = new AuditSuite();
        try {
            suite.startInParallel(
                    Map.of(
                            SIGNAL, SignalServiceApplication::builder,
                            RISK, RiskServiceApplication::builder,
                            EXECUTION, ExecutionServiceApplication::builder,
                            MONITOR, MonitorServiceApplication::builder),
                    infra,
                    operatorToken,
                    viewerToken);
            // No start-up replay and no live feed: the audit starts its replay over REST.
            suite.startInParallel(
                    Map.of(INGEST, IngestServiceApplication::builder),
                    infra,
                    operatorToken,
                    viewerToken,
                    "--peregrine.ingest.replay.file=",
                    "--peregrine.ingest.binance.enabled=false",
                    "--peregrine.ingest.replay.allowed-directories="
                            + replayDirectory.toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    ConfigurableApplicationContext context(String service) {
        ConfigurableApplicationContext context = running.get(service);
        if (context == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return context;
    }

    /** The REST port of {@code service}: "ingest", "signal", "risk", "execution" or "monitor". */
    public int apiPort(String service) {
        return context(service).getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** Closes every context, last started first. */
    @Override
    public void close() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(running.values());
        Collections.reverse(contexts);
        for (ConfigurableApplicationContext context : contexts) {
            try {
                context.close();
            } catch (RuntimeException e) {
                System.err.println("# a service did not stop cleanly: " + e);
            }
        }
        running.clear();
    }

    private void startInParallel(
            Map<String, Supplier<SpringApplicationBuilder>> services,
            InfrastructureEndpoints infra,
            String operatorToken,
            String viewerToken,
            String... extraArgs) {
        Map<String, Future<ConfigurableApplicationContext>> futures = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(
                services.size(), Thread.ofPlatform().name("start-", 0).factory())) {
            services.forEach((name, builder) -> futures.put(name, executor.submit(() -> {
                Thread.currentThread().setName("start-" + name);
                List<String> args = new ArrayList<>(List.of(
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.datasource.url=" + infra.jdbcUrl(),
                        "--spring.datasource.username=" + infra.jdbcUsername(),
                        "--spring.datasource.password=" + infra.jdbcPassword(),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--peregrine.security.operator-token=" + operatorToken,
                        "--peregrine.security.viewer-token=" + viewerToken,
                        "--logging.register-shutdown-hook=false"));
                args.addAll(List.of(extraArgs));
                // This harness closes the contexts itself, in order, before the JVM exits.
                return builder.get().registerShutdownHook(false).run(args.toArray(String[]::new));
            })));
        }
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Future<ConfigurableApplicationContext>> future : futures.entrySet()) {
            try {
                running.put(future.getKey(), future.getValue().get());
            } catch (ExecutionException e) {
                failures.add(future.getKey() + "-service: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the services", e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("did not start: " + String.join("; ", failures));
        }
    }

    /**
     * Initialises logging once, before any service: Spring Boot does it when the first application starts, and four
     * starting at once would each pass that check and each add their own console appender (as in the local stack).
     */
    private static void initializeLogging() {
        LoggingSystem logging = LoggingSystem.get(AuditSuite.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }
}
