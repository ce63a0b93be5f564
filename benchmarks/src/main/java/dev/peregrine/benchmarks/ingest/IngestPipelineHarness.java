package dev.peregrine.benchmarks.ingest;

import dev.peregrine.benchmarks.Machine;
import dev.peregrine.benchmarks.SharedData;
import dev.peregrine.ingest.IngestServiceApplication;
import dev.peregrine.ingest.domain.KlineFileName;
import dev.peregrine.testkit.InfrastructureEndpoints;
import dev.peregrine.testkit.RealInfrastructure;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

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
 */
public final class IngestPipelineHarness {

    private static final double MIB = 1024.0 * 1024.0;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);
    private static final int TARGET_RATE = 50_000;
    private static final double TARGET_P99_MILLIS = 20.0;

    private final HarnessOptions options;
    private final boolean klines;
    private final List<Row> rows = new ArrayList<>();
    private final Histogram totalLag = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    private HeapMonitor heap;
    private TopicMeter meter;
    private long measureStartNanos;
    private long lastSampleNanos;
    private long lastCandles;

    /** One sampling period: what arrived, how late, and what the heap looked like after its collections. */
    private record Row(double elapsedSeconds, double candlesPerSecond, long candles, double lagP50Millis,
                       double lagP99Millis, double lagMaxMillis, HeapMonitor.Window heap, long residentBytes) {

        static final String HEADER = String.format(Locale.ROOT, "%8s %12s %10s %10s %10s %5s %7s %16s %16s %8s",
                "t s", "candles/s", "lag p50ms", "lag p99ms", "lag maxms", "GCs", "GC ms", "heap-after-GC min",
                "heap-after-GC last", "RSS MiB");

        String line() {
            return String.format(Locale.ROOT, "%8.1f %12.0f %10.1f %10.1f %10.1f %5d %7d %12.0f MiB %12.0f MiB %8.0f",
                    elapsedSeconds, candlesPerSecond, lagP50Millis, lagP99Millis, lagMaxMillis, heap.collections(),
                    heap.collectionMillis(), heap.minAfterBytes() / MIB, heap.lastAfterBytes() / MIB,
                    residentBytes / MIB);
        }
    }

    IngestPipelineHarness(HarnessOptions options) {
        this.options = options;
        this.klines = options.mode() == HarnessOptions.Mode.KLINES;
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
        Path data = SharedData.root().orElseThrow(() -> new IllegalStateException("no ../shared/data here: run "
                + "from the project root or give -D" + SharedData.PROPERTY + "=PATH (the folder holding binance/)"));
        List<Path> files = inputFiles(data);
        Path work = Files.createTempDirectory("ingest-harness");
        if (options.candlesPerFile() > 0) {
            List<Path> cut = new ArrayList<>();
            for (Path file : files) {
                cut.add(firstLines(file, options.candlesPerFile(), work.resolve("cut")));
            }
            files = cut;
        }
        System.out.printf(Locale.ROOT, "# Input: %s mode, %d files: %s%s%n", klines ? "klines" : "capture",
                files.size(), files.stream().map(f -> f.getFileName().toString()).toList(),
                options.candlesPerFile() > 0 ? " (first " + options.candlesPerFile() + " lines of each)" : "");

        heap = HeapMonitor.start();
        long startNanos = System.nanoTime();
        InfrastructureEndpoints infra = RealInfrastructure.get();
        System.out.printf(Locale.ROOT, "# Infrastructure: Kafka %s, PostgreSQL %s (%s)%n", infra.kafkaBootstrapServers(),
                infra.jdbcUrl(), System.getenv("PEREGRINE_TEST_KAFKA") == null ? "embedded Kafka in this JVM: its "
                        + "heap counts in the figures below" : "external Kafka");
        String operatorToken = token();
        String viewerToken = token();
        ConfigurableApplicationContext ingest = IngestServiceApplication.builder().run(
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
                // ingest replays only files below these: the working copies and the measured files' directories.
                "--peregrine.ingest.replay.allowed-directories=" + replayDirectories(work, files),
                "--peregrine.ingest.replay.batch-size=" + options.batchSize(),
                "--peregrine.ingest.replay.batches-in-flight=" + options.batchesInFlight());
        int status;
        try {
            int port = ingest.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            System.out.printf(Locale.ROOT, "# Started infrastructure and ingest-service (port %d) in %.1f s; "
                            + "batch-size %d%s%n", port, (System.nanoTime() - startNanos) / 1e9, options.batchSize(),
                    options.jdbcParameters().isEmpty() ? "" : ", JDBC " + options.jdbcParameters());
            status = measure(new ReplayClient(port, operatorToken, viewerToken), infra, files, work);
        } finally {
            ingest.close();
            heap.close();
            deleteRecursively(work);
        }
        return status;
    }

    private static String replayDirectories(Path work, List<Path> files) {
        java.util.Set<String> directories = new java.util.LinkedHashSet<>();
        directories.add(work.toAbsolutePath().normalize().toString());
        files.forEach(file -> directories.add(file.toAbsolutePath().normalize().getParent().toString()));
        return String.join(",", directories);
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
                Path warmUpFile = firstLines(files.getFirst(), options.warmUpLines(), work.resolve("warm-up"));
                long warmUpStart = System.nanoTime();
                long lines = 0;
                long published = 0;
                int runs = 0;
                do {
                    runs++;
                    ReplayClient.Run run = client.replay(warmUpFile, format(),
                            symbolOf(warmUpFile, warmUpPrefix + runs + "USDT"), intervalOf(warmUpFile));
                    lines += run.linesRead();
                    published += run.candlesPublished();
                    if (!"COMPLETED".equals(run.status())) {
                        System.out.printf(Locale.ROOT, "# Warm-up run %d %s%n", runs, run.status());
                        break;
                    }
                } while (Duration.ofNanos(System.nanoTime() - warmUpStart).compareTo(options.warmUp()) < 0);
                awaitCount(meter::ignoredRecords, published);
                System.out.printf(Locale.ROOT, "# Warm-up (not measured): %d runs, %,d lines in %.1f s%n", runs, lines,
                        (System.nanoTime() - warmUpStart) / 1e9);
            }
            meter.intervalLag();
            heap.window();
            CpuBreakdown.Snapshot cpuAtStart = CpuBreakdown.snapshot();
            measureStartNanos = System.nanoTime();
            lastSampleNanos = measureStartNanos;
            System.out.println(Row.HEADER);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("sampler").daemon(true).factory());
            sampler.scheduleAtFixedRate(this::sample, options.sample().toMillis(), options.sample().toMillis(),
                    TimeUnit.MILLISECONDS);
            List<ReplayClient.Run> runs = new ArrayList<>();
            boolean failed = replayAll(client, infra, files, tag, runs);
            long published = runs.stream().mapToLong(ReplayClient.Run::candlesPublished).sum();
            boolean drained = awaitCount(meter::candles, published);
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            sample();
            CpuBreakdown.Snapshot cpuAtEnd = CpuBreakdown.snapshot();
            summary(runs, published, drained, cpuAtStart, cpuAtEnd);
            return failed || !drained ? 1 : 0;
        } finally {
            meter.close();
        }
    }

    /** Replays every file once, or again and again until {@code --duration} has passed; true if a run failed. */
    private boolean replayAll(ReplayClient client, InfrastructureEndpoints infra, List<Path> files, String tag,
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
                Optional<String> symbol = symbolOf(file, null).map(s -> passSymbol(s, tag, currentPass));
                ReplayClient.Run run = client.replay(file, format(), symbol, intervalOf(file));
                runs.add(run);
                System.out.printf(Locale.ROOT, "# run %d: %s%s %s: %,d lines, %,d candles published in %.1f s (%,.0f "
                                + "lines/s)%s%n", runs.size(), file.getFileName(), symbol.map(s -> " as " + s).orElse(""),
                        run.status(), run.linesRead(), run.candlesPublished(), run.took().toMillis() / 1e3,
                        rate(run.linesRead(), run.took()), run.error() == null ? "" : " error: " + run.error());
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
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(), infra.jdbcUsername(),
                infra.jdbcPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE ingest.candle_publications, ingest.candles");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty ingest's candle tables between passes: " + e.getMessage(), e);
        }
    }

    private static void perLine(List<CpuBreakdown.Use> cpu, String group, String label, String work, long lines,
                                Duration measured) {
        cpu.stream().filter(use -> use.group().equals(group) && lines > 0).findFirst().ifPresent(use ->
                System.out.printf(Locale.ROOT, "%s: %.1f us CPU and %.1f KiB allocated per line (%s)%n", label,
                        use.cores() * measured.toNanos() / 1e3 / lines,
                        use.allocatedMibPerSecond() * 1024 * measured.toNanos() / 1e9 / lines, work));
    }

    private Duration measuredFor() {
        return Duration.ofNanos(System.nanoTime() - measureStartNanos);
    }

    /** Fresh per pass, within the Symbol rules (2 to 20 upper-case letters or digits). */
    static String passSymbol(String symbol, String tag, int pass) {
        String fresh = symbol + tag + pass;
        if (fresh.length() > 20) {
            throw new IllegalStateException("symbol " + fresh + " is longer than 20 characters: use fewer passes");
        }
        return fresh;
    }

    /** Takes a row; the lags recorded since the last one always count in the totals, however short the period. */
    private synchronized void sample() {
        long now = System.nanoTime();
        Histogram lag = meter.intervalLag();
        totalLag.add(lag);
        double seconds = (now - lastSampleNanos) / 1e9;
        if (seconds <= 0.05) {
            return;
        }
        long candles = meter.candles();
        boolean any = lag.getTotalCount() > 0;
        Row row = new Row((now - measureStartNanos) / 1e9, (candles - lastCandles) / seconds, candles - lastCandles,
                any ? lag.getValueAtPercentile(50) / 1e3 : Double.NaN, any ? lag.getValueAtPercentile(99) / 1e3 : Double.NaN,
                any ? lag.getMaxValue() / 1e3 : Double.NaN, heap.window(), Machine.residentBytes().orElse(-1L));
        rows.add(row);
        lastSampleNanos = now;
        lastCandles = candles;
        System.out.println(row.line());
    }

    private void summary(List<ReplayClient.Run> runs, long published, boolean drained, CpuBreakdown.Snapshot cpuAtStart,
                         CpuBreakdown.Snapshot cpuAtEnd) {
        long lines = runs.stream().mapToLong(ReplayClient.Run::linesRead).sum();
        long skipped = runs.stream().mapToLong(ReplayClient.Run::candlesSkipped).sum();
        long rejected = runs.stream().mapToLong(ReplayClient.Run::linesRejected).sum();
        Duration replaying = runs.stream().map(ReplayClient.Run::took).reduce(Duration.ZERO, Duration::plus);
        Duration span = meter.receiveSpan();
        System.out.println();
        System.out.println("== ingest pipeline harness: summary ==");
        System.out.println("machine        : " + Machine.describe());
        System.out.printf(Locale.ROOT, "input          : %s, %d runs (%s), batch-size %d, batches in flight %d%s%n",
                klines ? "kline files *-" + options.interval() + ".csv.gz" : "WebSocket captures", runs.size(),
                runs.stream().allMatch(r -> "COMPLETED".equals(r.status())) ? "all COMPLETED" : "NOT ALL COMPLETED",
                options.batchSize(), options.batchesInFlight(),
                options.jdbcParameters().isEmpty() ? "" : ", JDBC " + options.jdbcParameters());
        System.out.printf(Locale.ROOT, "ingest side    : %,d lines in %.1f s of replay = %,.0f lines/s; %,d candles "
                        + "published, %,d skipped, %,d lines rejected%n", lines, replaying.toMillis() / 1e3,
                rate(lines, replaying), published, skipped, rejected);
        if (!klines) {
            Map<String, Long> kinds = new TreeMap<>();
            runs.forEach(run -> run.messages().forEach((kind, count) -> kinds.merge(kind, count, Long::sum)));
            System.out.printf(Locale.ROOT, "messages       : %s = %,.0f messages/s parsed, checked and counted%n", kinds,
                    rate(kinds.values().stream().mapToLong(Long::longValue).sum(), replaying));
            System.out.println("published      : ingest publishes CandleClosed (closed klines) and QualityIncident only; "
                    + "trades, book tickers and depth have no topic (common.Topics), so Kafka sees only candles");
        }
        String verdict = !klines ? "" : String.format(Locale.ROOT, " [target >= %,d/s: %s]", TARGET_RATE,
                rate(meter.candles(), span) >= TARGET_RATE ? "met" : "not met");
        System.out.printf(Locale.ROOT, "consumed       : %,d candles on market.candles.v1 (%s), first to last receive "
                        + "%.1f s = %,.0f candles/s%s; %,d incidents on market.quality.v1%n",
                meter.candles(), drained ? "all published" : "MISSING " + (published - meter.candles()),
                span.toMillis() / 1e3, rate(meter.candles(), span), verdict, meter.incidents());
        if (totalLag.getTotalCount() > 0) {
            double p99 = totalLag.getValueAtPercentile(99) / 1e3;
            System.out.printf(Locale.ROOT, "publish lag    : p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max "
                            + "%.1f ms over %,d candles (receive - envelope.processingTime) [target p99 < %.0f ms: %s]%n",
                    totalLag.getValueAtPercentile(50) / 1e3, totalLag.getValueAtPercentile(90) / 1e3, p99,
                    totalLag.getValueAtPercentile(99.9) / 1e3, totalLag.getMaxValue() / 1e3, totalLag.getTotalCount(),
                    TARGET_P99_MILLIS, p99 < TARGET_P99_MILLIS ? "met" : "not met");
        }
        if (meter.unreadable() > 0) {
            System.out.printf(Locale.ROOT, "unreadable     : %,d candle records without a processingTime%n",
                    meter.unreadable());
        }
        Duration measured = Duration.ofNanos(cpuAtEnd.wallNanos() - cpuAtStart.wallNanos());
        List<CpuBreakdown.Use> cpu = CpuBreakdown.between(cpuAtStart, cpuAtEnd);
        System.out.println("CPU (this JVM) : " + CpuBreakdown.format(cpu, measured));
        perLine(cpu, CpuBreakdown.REPLAY, "replay thread  ", "read, parse, quality", lines, measured);
        perLine(cpu, CpuBreakdown.PIPELINE, "store+publish  ", "JDBC, encode, publish, mark", lines, measured);
        System.out.println("heap after GC  : " + heapTrend());
        System.out.println("samples        :");
        System.out.println(Row.HEADER);
        rows.forEach(row -> System.out.println(row.line()));
    }

    /** Least-squares slope of the lowest after-GC heap per sample against time, and first vs last third. */
    private String heapTrend() {
        List<Row> withGc = rows.stream().filter(row -> !row.heap().empty()).toList();
        if (withGc.size() < 3) {
            return "too few samples with a collection to judge (" + withGc.size() + "); run longer (--duration=10m)";
        }
        double n = withGc.size();
        double meanT = withGc.stream().mapToDouble(Row::elapsedSeconds).average().orElse(0) / 60;
        double meanH = withGc.stream().mapToDouble(row -> row.heap().minAfterBytes() / MIB).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Row row : withGc) {
            double t = row.elapsedSeconds() / 60 - meanT;
            covariance += t * (row.heap().minAfterBytes() / MIB - meanH);
            variance += t * t;
        }
        int third = Math.max(1, (int) (n / 3));
        double first = withGc.subList(0, third).stream().mapToDouble(row -> row.heap().minAfterBytes() / MIB)
                .average().orElse(0);
        double last = withGc.subList(withGc.size() - third, withGc.size()).stream()
                .mapToDouble(row -> row.heap().minAfterBytes() / MIB).average().orElse(0);
        return String.format(Locale.ROOT, "lowest per sample: first third %.0f MiB, last third %.0f MiB, slope %+.1f "
                        + "MiB/min over %d samples (%,d collections in all)", first, last,
                variance == 0 ? 0 : covariance / variance, withGc.size(), heap.totalCollections());
    }

    private List<Path> inputFiles(Path data) throws IOException {
        Path folder = data.resolve(klines ? "binance/klines" : "binance/ws-capture");
        String glob = klines ? "*-" + options.interval() + ".csv.gz" : "*.log.gz";
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, glob)) {
                found.forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no " + glob + " in " + folder);
        }
        files.sort(null);
        return files;
    }

    private String format() {
        return klines ? "klines-csv" : "ws-capture";
    }

    private Optional<String> symbolOf(Path file, String override) {
        if (!klines) {
            return Optional.empty();
        }
        return override != null ? Optional.of(override)
                : KlineFileName.seriesOf(file.getFileName().toString()).map(series -> series.symbol().value());
    }

    private Optional<String> intervalOf(Path file) {
        if (!klines) {
            return Optional.empty();
        }
        return KlineFileName.seriesOf(file.getFileName().toString()).map(series -> series.interval().code());
    }

    /** The first {@code lines} data lines of {@code file} (and its header), gzipped under the same name in {@code dir}. */
    public static Path firstLines(Path file, int lines, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getFileName().toString());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8));
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            int written = 0;
            String line;
            while (written < lines && (line = in.readLine()) != null) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
                    written++;
                }
            }
        }
        return target;
    }

    /** Deletes {@code dir} and everything under it. */
    public static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Waits until {@code count} reaches {@code expected}; false if it did not within the drain timeout. */
    private static boolean awaitCount(LongSupplier count, long expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (count.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static double rate(long count, Duration over) {
        return over.isZero() ? 0 : count * 1e9 / over.toNanos();
    }

    private static String token() {
        byte[] bytes = new byte[24];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "harness-" + HexFormat.of().formatHex(bytes);
    }
}
