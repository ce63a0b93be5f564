package dev.peregrine.benchmarks.ingest;

import dev.peregrine.benchmarks.Machine;
import dev.peregrine.ingest.IngestServiceApplication;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import dev.peregrine.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ingest-service end to end on this machine: the real infrastructure (testkit's {@link RealInfrastructure}:
 * embedded KRaft Kafka in this JVM and embedded PostgreSQL, or external servers), the real ingest application on
 * random ports, and replays started over its REST API at speed 0, one file after another. A consumer of its own
 * ({@link TopicMeter}) measures what reaches {@code market.candles.v1}: the sustained rate and the publish lag
 * percentiles. A GC listener ({@link HeapMonitor}) records the heap left after every collection; every
 * {@code --sample} a row of rate, lag and heap is printed, and a summary at the end. Options: {@link HarnessOptions}.
 *
 * <p>Kline mode replays {@code klines/*-15m.csv.gz} (5 symbols x 87,451 candles) under symbols of their own per
 * pass ({@code BTCUSDT} + run tag + pass number): ingest skips candles it already stored, so a second pass under
 * the real names would publish nothing. Capture mode replays the WebSocket captures: every message kind is parsed
 * and counted, but ingest publishes only the candles of closed klines (the captures hold none) and incidents, so
 * its figure is lines per second on ingest's side.
 *
 * <p>This class runs the replays; {@link HarnessInput} picks the files, {@link SampleTable} takes the rows and
 * {@link HarnessSummary} prints the report.
 */
public final class IngestPipelineHarness {

    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    private final HarnessOptions options;
    private final HarnessInput input;
    private HeapMonitor heap;
    private TopicMeter meter;
    private SampleTable table;

    IngestPipelineHarness(HarnessOptions options) {
        this.options = options;
        this.input = new HarnessInput(options);
    }

    public static void main(String[] args) throws Exception {
        Optional<HarnessOptions> options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.isEmpty()) {
            System.out.print(HarnessOptions.USAGE);
            return;
        }
        int status = new IngestPipelineHarness(options.get()).run();
        // The embedded broker's threads would keep the JVM alive; its shutdown hooks stop it cleanly.
        System.exit(status);
    }

    int run() throws Exception {
        System.out.println("# Machine: " + Machine.describe());
        Path data = SharedData.root()
                .orElseThrow(() ->
                        new IllegalStateException("no ../shared/data here: run " + "from the project root or give -D"
                                + SharedData.PROPERTY + "=PATH (the folder holding binance/)"));
        List<Path> files = input.inputFiles(data);
        Path work = Files.createTempDirectory("ingest-harness");
        if (options.candlesPerFile() > 0) {
            List<Path> cut = new ArrayList<>();
            for (Path file : files) {
                cut.add(ReplayFiles.firstLines(file, options.candlesPerFile(), work.resolve("cut")));
            }
            files = cut;
        }
        System.out.printf(
                Locale.ROOT,
                "# Input: %s mode, %d files: %s%s%n",
                options.mode() == HarnessOptions.Mode.KLINES ? "klines" : "capture",
                files.size(),
                files.stream().map(f -> f.getFileName().toString()).toList(),
                options.candlesPerFile() > 0 ? " (first " + options.candlesPerFile() + " lines of each)" : "");

        heap = HeapMonitor.start();
        long startNanos = System.nanoTime();
        InfrastructureEndpoints infra = RealInfrastructure.get();
        System.out.printf(
                Locale.ROOT,
                "# Infrastructure: Kafka %s, PostgreSQL %s (%s)%n",
                infra.kafkaBootstrapServers(),
                infra.jdbcUrl(),
                System.getenv("PEREGRINE_TEST_KAFKA") == null
                        ? "embedded Kafka in this JVM: its " + "heap counts in the figures below"
                        : "external Kafka");
        String operatorToken = token();
        String viewerToken = token();
        ConfigurableApplicationContext ingest = IngestServiceApplication.builder()
                .run(
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.datasource.url=" + options.jdbcUrl(infra.jdbcUrl()),
                        "--spring.datasource.username=" + infra.jdbcUsername(),
                        "--spring.datasource.password=" + infra.jdbcPassword(),
                        "--server.port=0",
                        "--management.server.port=0",
                        "--peregrine.security.operator-token=" + operatorToken,
                        "--peregrine.security.viewer-token=" + viewerToken,
                        "--peregrine.ingest.replay.file=",
                        "--peregrine.ingest.binance.enabled=false",
                        // ingest replays only files below these: the working copies and the measured files'
                        // directories.
                        "--peregrine.ingest.replay.allowed-directories=" + HarnessInput.replayDirectories(work, files),
                        "--peregrine.ingest.replay.batch-size=" + options.batchSize(),
                        "--peregrine.ingest.replay.batches-in-flight=" + options.batchesInFlight());
        int status;
        try {
            int port = ingest.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            System.out.printf(
                    Locale.ROOT,
                    "# Started infrastructure and ingest-service (port %d) in %.1f s; " + "batch-size %d%s%n",
                    port,
                    (System.nanoTime() - startNanos) / 1e9,
                    options.batchSize(),
                    options.jdbcParameters().isEmpty() ? "" : ", JDBC " + options.jdbcParameters());
            status = measure(new ReplayClient(port, operatorToken, viewerToken), infra, files, work);
        } finally {
            ingest.close();
            heap.close();
            ReplayFiles.deleteRecursively(work);
        }
        return status;
    }

    private int measure(ReplayClient client, InfrastructureEndpoints infra, List<Path> files, Path work)
            throws Exception {
        String tag = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36)
                .toUpperCase(Locale.ROOT);
        String warmUpPrefix = "WARMUP" + tag;
        Predicate<String> warmUp = key -> key.startsWith(warmUpPrefix);
        meter = TopicMeter.start(infra.kafkaBootstrapServers(), warmUp);
        try {
            if (options.warmUpLines() > 0) {
                Path warmUpFile =
                        ReplayFiles.firstLines(files.getFirst(), options.warmUpLines(), work.resolve("warm-up"));
                long warmUpStart = System.nanoTime();
                long lines = 0;
                long published = 0;
                int runs = 0;
                do {
                    runs++;
                    ReplayClient.Run run = client.replay(
                            warmUpFile,
                            input.format(),
                            input.symbolOf(warmUpFile, warmUpPrefix + runs + "USDT"),
                            input.intervalOf(warmUpFile));
                    lines += run.linesRead();
                    published += run.candlesPublished();
                    if (!"COMPLETED".equals(run.status())) {
                        System.out.printf(Locale.ROOT, "# Warm-up run %d %s%n", runs, run.status());
                        break;
                    }
                } while (Duration.ofNanos(System.nanoTime() - warmUpStart).compareTo(options.warmUp()) < 0);
                awaitCount(meter::ignoredRecords, published);
                System.out.printf(
                        Locale.ROOT,
                        "# Warm-up (not measured): %d runs, %,d lines in %.1f s%n",
                        runs,
                        lines,
                        (System.nanoTime() - warmUpStart) / 1e9);
            }
            meter.intervalLag();
            heap.window();
            CpuBreakdown.Snapshot cpuAtStart = CpuBreakdown.snapshot();
            table = new SampleTable(meter, heap);
            table.start(System.nanoTime());
            System.out.println(SampleTable.Row.HEADER);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("sampler").daemon(true).factory());
            sampler.scheduleAtFixedRate(
                    table::sample, options.sample().toMillis(), options.sample().toMillis(), TimeUnit.MILLISECONDS);
            List<ReplayClient.Run> runs = new ArrayList<>();
            boolean failed = replayAll(client, infra, files, tag, runs);
            long published =
                    runs.stream().mapToLong(ReplayClient.Run::candlesPublished).sum();
            boolean drained = awaitCount(meter::candles, published);
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            table.sample();
            CpuBreakdown.Snapshot cpuAtEnd = CpuBreakdown.snapshot();
            new HarnessSummary(options, meter, table).print(runs, published, drained, cpuAtStart, cpuAtEnd);
            return failed || !drained ? 1 : 0;
        } finally {
            meter.close();
        }
    }

    /** Replays every file once, or again and again until {@code --duration} has passed; true if a run failed. */
    private boolean replayAll(
            ReplayClient client,
            InfrastructureEndpoints infra,
            List<Path> files,
            String tag,
            List<ReplayClient.Run> runs)
            throws IOException, InterruptedException {
        for (int pass = 1; ; pass++) {
            if (pass > 1 && !options.freshSymbols()) {
                forgetStoredCandles(infra);
            }
            for (Path file : files) {
                if (!options.duration().isZero() && measuredFor().compareTo(options.duration()) >= 0) {
                    return false;
                }
                int currentPass = options.freshSymbols() ? pass : 1;
                Optional<String> symbol = input.symbolOf(file, null).map(s -> passSymbol(s, tag, currentPass));
                ReplayClient.Run run = client.replay(file, input.format(), symbol, input.intervalOf(file));
                runs.add(run);
                System.out.printf(
                        Locale.ROOT,
                        "# run %d: %s%s %s: %,d lines, %,d candles published in %.1f s (%,.0f " + "lines/s)%s%n",
                        runs.size(),
                        file.getFileName(),
                        symbol.map(s -> " as " + s).orElse(""),
                        run.status(),
                        run.linesRead(),
                        run.candlesPublished(),
                        run.took().toMillis() / 1e3,
                        HarnessSummary.rate(run.linesRead(), run.took()),
                        run.error() == null ? "" : " error: " + run.error());
                if (!"COMPLETED".equals(run.status())) {
                    return true;
                }
            }
            if (options.duration().isZero()) {
                return false;
            }
        }
    }

    /**
     * Empties ingest's candle tables between passes (ingest is idle then), so that the next pass can replay the same
     * symbols: ingest skips candles it has stored. The set of series then stays as bounded as in production, where a
     * fresh symbol per pass would add meters and quality state per pass (see {@code --fresh-symbols}).
     */
    private static void forgetStoredCandles(InfrastructureEndpoints infra) {
        try (Connection connection =
                        DriverManager.getConnection(infra.jdbcUrl(), infra.jdbcUsername(), infra.jdbcPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE ingest.candle_publications, ingest.candles");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not empty ingest's candle tables between passes: " + e.getMessage(), e);
        }
    }

    private Duration measuredFor() {
        return Duration.ofNanos(System.nanoTime() - table.measureStartNanos());
    }

    /** Fresh per pass, within the Symbol rules (2 to 20 upper-case letters or digits). */
    static String passSymbol(String symbol, String tag, int pass) {
        String fresh = symbol + tag + pass;
        if (fresh.length() > 20) {
            throw new IllegalStateException("symbol " + fresh + " is longer than 20 characters: use fewer passes");
        }
        return fresh;
    }

    /** Waits until {@code count} reaches {@code expected}; false if it did not within the drain timeout. */
    private static boolean awaitCount(LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (count.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static String token() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "harness-" + HexFormat.of().formatHex(bytes);
    }
}
