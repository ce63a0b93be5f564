package dev.peregrine.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The five services running in this JVM, each in its own application context. The four downstream
 * services start first, side by side, so that their consumers are subscribed before ingest-service
 * (started last) publishes its first candle; they close in the reverse order, ingest first, so nothing new
 * enters the pipeline while the rest shut down.
 */
final class ServiceSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceSuite.class);

    private final List<Running> running = new ArrayList<>();

    /** Connection settings and inputs every service is started with. */
    record Settings(String kafkaBootstrapServers, String jdbcUrl, String jdbcUsername, String jdbcPassword,
                    SecurityTokens tokens, LocalStackOptions options) {

        @Override
        public String toString() {
            return "Settings[kafka=" + kafkaBootstrapServers + ", jdbc=" + jdbcUrl + "]";
        }
    }

    private record Running(SuiteService service, ConfigurableApplicationContext context, Duration startup) {
    }

    private ServiceSuite() {
    }

    static ServiceSuite start(Settings settings) {
        ServiceSuite suite = new ServiceSuite();
        try {
            suite.startInParallel(List.of(SuiteService.SIGNAL, SuiteService.RISK, SuiteService.EXECUTION,
                    SuiteService.MONITOR), settings);
            suite.startInParallel(List.of(SuiteService.INGEST), settings);
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    /** How long each service took to start, in table order. */
    Map<SuiteService, Duration> startupTimes() {
        Map<SuiteService, Duration> times = new EnumMap<>(SuiteService.class);
        running.forEach(r -> times.put(r.service(), r.startup()));
        return times;
    }

    /** Closes every started context, last started first; one that fails to close does not keep the others up. */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (int i = running.size() - 1; i >= 0; i--) {
            Running r = running.get(i);
            try {
                r.context().close();
                log.info("{} stopped", r.service().serviceName());
            } catch (RuntimeException e) {
                log.error("{} did not stop cleanly", r.service().serviceName(), e);
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        running.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void startInParallel(List<SuiteService> services, Settings settings) {
        // Platform threads named after the service: the start-up log lines say which service they belong to.
        List<Future<Running>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(services.size(),
                Thread.ofPlatform().name("start-", 0).factory())) {
            for (SuiteService service : services) {
                futures.add(executor.submit(() -> {
                    Thread.currentThread().setName("start-" + service.serviceName());
                    return startOne(service, settings);
                }));
            }
        }
        RuntimeException failure = null;
        for (Future<Running> future : futures) {
            try {
                synchronized (this) {
                    running.add(future.get());
                }
            } catch (ExecutionException e) {
                RuntimeException cause = new IllegalStateException(e.getCause().getMessage(), e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the services", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Running startOne(SuiteService service, Settings settings) {
        long started = System.nanoTime();
        ConfigurableApplicationContext context = service.newBuilder()
                .web(WebApplicationType.SERVLET)
                // LocalStack closes the contexts itself, in order; Spring's own hook would close them all at once.
                .registerShutdownHook(false)
                .run(arguments(service, settings).toArray(String[]::new));
        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        log.info("{} started in {} ms", service.serviceName(), startup.toMillis());
        return new Running(service, context, startup);
    }

    /**
     * Passed as command-line arguments because those outrank the services' own yml files; default
     * properties would lose to them. They stay inside this JVM: nothing here is a process argument.
     */
    static List<String> arguments(SuiteService service, Settings settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrapServers(),
                "--spring.datasource.url=" + settings.jdbcUrl(),
                "--spring.datasource.username=" + settings.jdbcUsername(),
                "--spring.datasource.password=" + settings.jdbcPassword(),
                "--peregrine.security.operator-token=" + settings.tokens().operator(),
                "--peregrine.security.viewer-token=" + settings.tokens().viewer(),
                "--server.port=" + service.apiPort(),
                "--management.server.port=" + service.managementPort(),
                // LocalStack logs the orderly shutdown; Boot must not stop logging underneath it.
                "--logging.register-shutdown-hook=false"));
        switch (service) {
            case INGEST -> {
                LocalStackOptions options = settings.options();
                if (options.marketData() == LocalStackOptions.MarketData.BINANCE) {
                    args.add("--peregrine.ingest.binance.enabled=true");
                    args.add("--peregrine.ingest.binance.symbols=" + String.join(",", options.symbols()));
                    args.add("--peregrine.ingest.binance.intervals=" + LocalStackOptions.LIVE_INTERVAL);
                    // Live data only: no replay configured in the environment runs beside it.
                    args.add("--peregrine.ingest.replay.file=");
                } else {
                    args.add("--peregrine.ingest.binance.enabled=false");
                    args.add("--peregrine.ingest.replay.file=" + options.replayFile());
                    args.add("--peregrine.ingest.replay.speed=" + options.speedText());
                }
            }
            case EXECUTION -> args.add("--peregrine.execution.venue=" + settings.options().venue().name());
            default -> {
            }
        }
        return args;
    }
}
