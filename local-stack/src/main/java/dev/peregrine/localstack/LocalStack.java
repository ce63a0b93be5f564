package dev.peregrine.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs the whole suite on one machine with one command: a persistent Kafka and PostgreSQL under the data
 * dir, then the five services in this JVM on their fixed ports. Ctrl-C stops everything in order
 * (services, last started first; then Kafka; then PostgreSQL) so that a restart on the same data dir
 * finds everything the previous run committed.
 *
 * <p>With {@code --exchange-sim} exchange-sim ({@link SimulatedExchange}) starts after Kafka and PostgreSQL and
 * before the services, and stops after them.
 *
 * <p>Exit codes: 0 after a clean stop or {@code --help}; 1 when something failed to start; 2 for a bad
 * command line (also a file exchange-sim cannot tell the series of, or a speed it cannot pace); 3 when the market
 * data cannot be had: Binance unreachable, or the file to replay or serve unreadable (checked before anything
 * starts).
 */
public final class LocalStack {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_NO_MARKET_DATA = 3;

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile RunningStack stack;

    LocalStack(Map<String, String> environment, Path workingDirectory, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        initializeLogging();
        LocalStack localStack = new LocalStack(System.getenv(), Path.of("").toAbsolutePath(), System.out, System.err);
        int code = localStack.launch(Arrays.asList(args));
        if (code != EXIT_OK || !localStack.isRunning()) {
            System.exit(code);
        }
        localStack.awaitStop();
        System.exit(EXIT_OK);
    }

    /**
     * Spring Boot initialises logging when the first application starts and skips it for later ones; four
     * services starting at once would each pass that check and each add their own console appender.
     * Initialising it once here, before any service, leaves nothing for them to race on.
     */
    static void initializeLogging() {
        LoggingSystem logging = LoggingSystem.get(LocalStack.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    /**
     * Validates the command line and the market data, then starts the stack. Returns {@link #EXIT_OK} with
     * the stack running, or an exit code with nothing left running.
     */
    int launch(List<String> args) {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args, workingDirectory);
        } catch (LocalStackOptions.UsageException e) {
            err.println("local-stack: " + e.getMessage());
            err.println();
            err.print(LocalStackOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(LocalStackOptions.USAGE);
            return EXIT_OK;
        }
        SimulatedExchange.Plan exchangePlan = null;
        try {
            if (options.marketData() == LocalStackOptions.MarketData.EXCHANGE_SIM) {
                exchangePlan = SimulatedExchange.Plan.of(options.replayFile(), options.speed());
            }
        } catch (SimulatedExchange.PlanException e) {
            err.println("local-stack: " + e.getMessage());
            return EXIT_USAGE;
        }
        try {
            if (options.marketData() != LocalStackOptions.MarketData.BINANCE) {
                MarketDataCheck.verifyReadable(options.replayFile());
            } else {
                BinanceReachability.verifyReachable(
                        BinanceReachability.restBaseUrl(environment), BinanceReachability.TIMEOUT);
            }
        } catch (MarketDataCheck.UnavailableException | BinanceReachability.UnreachableException e) {
            err.println("local-stack: " + e.getMessage());
            return EXIT_NO_MARKET_DATA;
        }
        try {
            // Before the port check: a PostgreSQL left running by a killed stack on this data dir holds its port.
            LeftoverPostmaster.stopIfRunning(options.dataDir().resolve("postgres"))
                    .ifPresent(pid -> err.println("local-stack: stopped PostgreSQL (PID " + pid
                            + ") left running by a local stack that was killed."));
        } catch (IllegalStateException e) {
            err.println("local-stack: " + e.getMessage() + ". Nothing was started.");
            return EXIT_FAILED;
        }
        List<Integer> busy = busyPorts(exchangePlan != null);
        if (!busy.isEmpty()) {
            err.println("local-stack: these ports are in use: " + busy + ". Is another local stack running? "
                    + "Stop it (Ctrl-C in its terminal) and try again. Nothing was started.");
            return EXIT_FAILED;
        }
        try {
            start(options, exchangePlan);
            return EXIT_OK;
        } catch (RuntimeException e) {
            log.error("The local stack did not start", e);
            err.println("local-stack: did not start: " + rootMessage(e)
                    + " (details above). Everything that had started was stopped.");
            return EXIT_FAILED;
        }
    }

    private void start(LocalStackOptions options, SimulatedExchange.Plan exchangePlan) {
        long began = System.nanoTime();
        SecurityTokens tokens = SecurityTokens.resolve(environment, options.dataDir());
        RunningStack starting = new RunningStack();
        installStopHandlers();
        stack = starting;
        // Own threads, not the common pool: on 2 cores that pool runs one task at a time.
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().name("start-infra-", 0).factory())) {
            CompletableFuture<PersistentKafka> kafka = CompletableFuture.supplyAsync(
                    () -> PersistentKafka.start(
                            options.dataDir().resolve("kafka"),
                            PersistentKafka.DEFAULT_BROKER_PORT,
                            PersistentKafka.DEFAULT_CONTROLLER_PORT),
                    executor);
            CompletableFuture<PersistentPostgres> postgres = CompletableFuture.supplyAsync(
                    () -> PersistentPostgres.start(
                            options.dataDir().resolve("postgres"), PersistentPostgres.DEFAULT_PORT),
                    executor);
            // Both are awaited before judging, so that one which did start is stopped when the other failed.
            starting.kafka = kafka.exceptionally(e -> null).join();
            starting.postgres = postgres.exceptionally(e -> null).join();
            if (starting.kafka == null || starting.postgres == null) {
                RuntimeException failure = failure(starting.kafka == null ? kafka : postgres);
                stopQuietly();
                throw failure;
            }
        }
        Duration infrastructure = Duration.ofNanos(System.nanoTime() - began);
        try {
            if (exchangePlan != null) {
                // Before the services: execution checks the venue at start-up, ingest backfills from it.
                starting.exchange = SimulatedExchange.start(
                        exchangePlan,
                        SimulatedExchange.DEFAULT_REST_PORT,
                        SimulatedExchange.DEFAULT_WS_PORT,
                        java.time.Clock.systemUTC());
            }
            // Each service logs in as its own role, which owns its schema and nothing else.
            Map<SuiteService, DatabaseLogin> logins = new EnumMap<>(SuiteService.class);
            for (SuiteService service : SuiteService.values()) {
                logins.put(service, starting.postgres.serviceLogin(service.schema()));
            }
            starting.services = ServiceSuite.start(new ServiceSuite.Settings(
                    starting.kafka.bootstrapServers(),
                    starting.postgres.jdbcUrl(),
                    logins,
                    tokens,
                    options,
                    starting.exchange,
                    true,
                    starting.kafka.credentials()));
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
        Duration total = Duration.ofNanos(System.nanoTime() - began);
        out.print(StartupReport.render(
                options,
                tokens,
                starting.kafka,
                starting.postgres,
                starting.exchange,
                starting.services.startupTimes(),
                infrastructure,
                total));
        out.flush();
    }

    /**
     * Ctrl-C and SIGTERM run the orderly stop before the JVM begins its shutdown, because zonky's
     * EmbeddedPostgres registers a shutdown hook of its own that would otherwise stop PostgreSQL while the
     * services are still closing. The shutdown hook covers every other way out (System.exit, -Xrs).
     */
    private void installStopHandlers() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-stop"));
        for (String name : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (stopping.get()) {
                        err.println("local-stack: still stopping, please wait.");
                        return;
                    }
                    err.println();
                    stop();
                    System.exit(EXIT_OK);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                log.debug("Signal {} cannot be handled here; the shutdown hook stops the stack", name, e);
            }
        }
    }

    boolean isRunning() {
        RunningStack current = stack;
        return current != null && !current.isEmpty();
    }

    void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops everything that runs, in order, once; later calls wait for the first to finish. */
    void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitStop();
            return;
        }
        try {
            RunningStack current = stack;
            if (current == null || current.isEmpty()) {
                return;
            }
            log.info("Stopping the local stack: services, then exchange-sim if it runs, then Kafka, then PostgreSQL");
            List<Exception> failures = current.stop();
            if (failures.isEmpty()) {
                log.info("Local stack stopped cleanly");
                out.println("local-stack: stopped cleanly.");
            } else {
                failures.forEach(e -> log.error("Part of the local stack did not stop cleanly", e));
                err.println("local-stack: stopped, with " + failures.size() + " error(s) logged above.");
            }
            out.flush();
        } finally {
            stopped.countDown();
        }
    }

    private void stopQuietly() {
        RunningStack current = stack;
        if (current != null) {
            current.stop().forEach(e -> log.warn("While stopping after a failed start", e));
        }
    }

    private static List<Integer> busyPorts(boolean withExchange) {
        List<Integer> ports = new ArrayList<>(List.of(
                PersistentKafka.DEFAULT_BROKER_PORT,
                PersistentKafka.DEFAULT_CONTROLLER_PORT,
                PersistentPostgres.DEFAULT_PORT));
        if (withExchange) {
            ports.addAll(List.of(SimulatedExchange.DEFAULT_REST_PORT, SimulatedExchange.DEFAULT_WS_PORT));
        }
        for (SuiteService service : SuiteService.values()) {
            ports.add(service.apiPort());
            ports.add(service.managementPort());
        }
        List<Integer> busy = new ArrayList<>();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(port);
            }
        }
        return busy;
    }

    private static RuntimeException failure(CompletableFuture<?> failed) {
        try {
            failed.join();
            return new IllegalStateException("did not start");
        } catch (CompletionException e) {
            return e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getMessage();
    }

    /** What has been started so far, stopped in the order that keeps every committed record and row. */
    private static final class RunningStack {

        private volatile PersistentKafka kafka;
        private volatile PersistentPostgres postgres;
        private volatile ServiceSuite services;
        private volatile SimulatedExchange exchange;

        boolean isEmpty() {
            return kafka == null && postgres == null && services == null && exchange == null;
        }

        synchronized List<Exception> stop() {
            List<Exception> failures = new ArrayList<>();
            run(services, failures);
            services = null;
            run(exchange, failures);
            exchange = null;
            run(kafka, failures);
            kafka = null;
            run(postgres, failures);
            postgres = null;
            return failures;
        }

        private static void run(AutoCloseable part, List<Exception> failures) {
            if (part == null) {
                return;
            }
            try {
                part.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
    }
}
