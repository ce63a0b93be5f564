package dev.peregrine.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The five services running in this JVM, each in its own application context. The four downstream
 * services start first, side by side, so that their consumers are subscribed before ingest-service
 * (started last) publishes its first candle; they close in the reverse order, ingest first, so nothing new
 * enters the pipeline while the rest shut down.
 */
final class ServiceSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceSuite.class);

    private final List<Running> running = new ArrayList<>();

    /**
     * Connection settings and inputs every service is started with.
     *
     * @param logins     the PostgreSQL login of each service (the local stack: its own role, owning its schema only)
     * @param exchange   the running exchange-sim with {@code --exchange-sim} (market data and/or venue), else null
     * @param fixedPorts the services' own ports (808N, 908N); false: ephemeral ports, for tests
     * @param kafkaUsers the Kafka users of the broker (the local stack's: each service logs in as its own principal
     *                   over SASL/PLAIN), or null for a broker without authentication (tests on testkit's broker)
     */
    record Settings(
            String kafkaBootstrapServers,
            String jdbcUrl,
            Map<SuiteService, DatabaseLogin> logins,
            SecurityTokens tokens,
            LocalStackOptions options,
            SimulatedExchange exchange,
            boolean fixedPorts,
            KafkaCredentials kafkaUsers) {

        Settings(
                String kafkaBootstrapServers,
                String jdbcUrl,
                Map<SuiteService, DatabaseLogin> logins,
                SecurityTokens tokens,
                LocalStackOptions options,
                SimulatedExchange exchange,
                boolean fixedPorts) {
            this(kafkaBootstrapServers, jdbcUrl, logins, tokens, options, exchange, fixedPorts, null);
        }

        /** Every service logging in as the same user (tests on a shared database). */
        Settings(
                String kafkaBootstrapServers,
                String jdbcUrl,
                String jdbcUsername,
                String jdbcPassword,
                SecurityTokens tokens,
                LocalStackOptions options,
                SimulatedExchange exchange,
                boolean fixedPorts) {
            this(
                    kafkaBootstrapServers,
                    jdbcUrl,
                    sameLogin(new DatabaseLogin(jdbcUsername, jdbcPassword)),
                    tokens,
                    options,
                    exchange,
                    fixedPorts);
        }

        Settings(
                String kafkaBootstrapServers,
                String jdbcUrl,
                String jdbcUsername,
                String jdbcPassword,
                SecurityTokens tokens,
                LocalStackOptions options) {
            this(kafkaBootstrapServers, jdbcUrl, jdbcUsername, jdbcPassword, tokens, options, null, true);
        }

        Settings {
            logins = Map.copyOf(logins);
            for (SuiteService service : SuiteService.values()) {
                if (!logins.containsKey(service)) {
                    throw new IllegalArgumentException("no database login for " + service.serviceName());
                }
            }
            boolean needsExchange = options.marketData() == LocalStackOptions.MarketData.EXCHANGE_SIM
                    || options.venue() == LocalStackOptions.Venue.EXCHANGE_SIM;
            if (needsExchange != (exchange != null)) {
                throw new IllegalArgumentException(
                        needsExchange
                                ? "exchange-sim is selected but not running"
                                : "exchange-sim is running but not selected");
            }
        }

        @Override
        public String toString() {
            return "Settings[kafka=" + kafkaBootstrapServers + ", jdbc=" + jdbcUrl + "]";
        }

        private static Map<SuiteService, DatabaseLogin> sameLogin(DatabaseLogin login) {
            Map<SuiteService, DatabaseLogin> logins = new EnumMap<>(SuiteService.class);
            for (SuiteService service : SuiteService.values()) {
                logins.put(service, login);
            }
            return logins;
        }
    }

    private record Running(SuiteService service, ConfigurableApplicationContext context, Duration startup) {}

    /** The running context of a service (for tests: its ports, its beans). */
    synchronized ConfigurableApplicationContext context(SuiteService service) {
        return running.stream()
                .filter(r -> r.service() == service)
                .map(Running::context)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(service.serviceName() + " is not running"));
    }

    private ServiceSuite() {}

    static ServiceSuite start(Settings settings) {
        ServiceSuite suite = new ServiceSuite();
        try {
            suite.startInParallel(
                    List.of(SuiteService.SIGNAL, SuiteService.RISK, SuiteService.EXECUTION, SuiteService.MONITOR),
                    settings);
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
        try (ExecutorService executor = Executors.newFixedThreadPool(
                services.size(), Thread.ofPlatform().name("start-", 0).factory())) {
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
                "--spring.datasource.username=" + settings.logins().get(service).username(),
                "--spring.datasource.password=" + settings.logins().get(service).password(),
                "--peregrine.security.operator-token=" + settings.tokens().operator(),
                "--peregrine.security.viewer-token=" + settings.tokens().viewer(),
                "--server.port=" + (settings.fixedPorts() ? service.apiPort() : 0),
                "--management.server.port=" + (settings.fixedPorts() ? service.managementPort() : 0),
                // LocalStack logs the orderly shutdown; Boot must not stop logging underneath it.
                "--logging.register-shutdown-hook=false"));
        if (settings.kafkaUsers() != null) {
            // Its own Kafka principal (TopicAccess): the broker's ACLs allow it what the service does, nothing more.
            args.addAll(List.of(
                    "--spring.kafka.security.protocol=" + KafkaCredentials.SECURITY_PROTOCOL,
                    "--peregrine.kafka.sasl.mechanism=" + KafkaCredentials.MECHANISM,
                    "--peregrine.kafka.sasl.username=" + service.serviceName(),
                    "--peregrine.kafka.sasl.password-file="
                            + settings.kafkaUsers().passwordFile(service.serviceName())));
        }
        switch (service) {
            case INGEST -> {
                LocalStackOptions options = settings.options();
                if (options.marketData() == LocalStackOptions.MarketData.BINANCE) {
                    args.add("--peregrine.ingest.binance.enabled=true");
                    args.add("--peregrine.ingest.binance.symbols=" + String.join(",", options.symbols()));
                    args.add("--peregrine.ingest.binance.intervals=" + LocalStackOptions.LIVE_INTERVAL);
                    // Live data only: no replay configured in the environment runs beside it.
                    args.add("--peregrine.ingest.replay.file=");
                } else if (options.marketData() == LocalStackOptions.MarketData.EXCHANGE_SIM) {
                    // exchange-sim's feed is read exactly like Binance's: exchangeInfo and a klines backfill over
                    // REST, then the kline stream; it serves klines only (no trades or book tickers).
                    SimulatedExchange exchange = settings.exchange();
                    args.add("--peregrine.ingest.binance.enabled=true");
                    args.add("--peregrine.ingest.binance.rest-base-url=" + exchange.restBaseUrl());
                    args.add("--peregrine.ingest.binance.ws-base-url=" + exchange.wsBaseUrl());
                    args.add("--peregrine.ingest.binance.symbols="
                            + exchange.plan().symbol());
                    args.add("--peregrine.ingest.binance.intervals="
                            + exchange.plan().served().code());
                    args.add("--peregrine.ingest.binance.streams=kline");
                    args.add("--peregrine.ingest.replay.file=");
                } else {
                    args.add("--peregrine.ingest.binance.enabled=false");
                    args.add("--peregrine.ingest.replay.file=" + options.replayFile());
                    args.add("--peregrine.ingest.replay.speed=" + options.speedText());
                }
            }
            case EXECUTION -> args.addAll(executionVenue(settings));
            default -> {}
        }
        return args;
    }

    /**
     * PAPER, or BINANCE pointed at exchange-sim. The venue is checked at start-up as a live key would be (testnet
     * false): exchange-sim answers {@code /sapi/v1/account/apiRestrictions} with a safe trading key (no withdrawals,
     * spot trading on, IP-restricted), so the checks that guard a real key run and pass, where testnet would skip
     * them. The key is this run's, given as the {@code BINANCE_*} variables execution reads, as arguments inside this
     * JVM: they outrank any real key in the environment, and with the REST URL on loopback nothing reaches Binance.
     * The stale-intent rule keeps its default (10 s): exchange-sim's clock is the wall clock.
     */
    private static List<String> executionVenue(Settings settings) {
        if (settings.options().venue() == LocalStackOptions.Venue.PAPER) {
            return List.of("--peregrine.execution.venue=PAPER");
        }
        SimulatedExchange exchange = settings.exchange();
        return List.of(
                "--peregrine.execution.venue=BINANCE",
                "--peregrine.execution.binance.rest-base-url=" + exchange.restBaseUrl(),
                "--peregrine.execution.binance.ws-api-url=" + exchange.wsApiUrl(),
                "--peregrine.execution.binance.testnet=false",
                "--peregrine.execution.binance.credentials-prefix=BINANCE",
                "--BINANCE_KEY_TYPE=HMAC",
                "--BINANCE_API_KEY=" + exchange.key().apiKey(),
                "--BINANCE_SECRET_KEY=" + exchange.key().secretKey());
    }
}
