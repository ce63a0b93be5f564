package dev.peregrine.benchmarks.latency;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * CPU per stage over the measured feed. The services share one JVM and run their Kafka listeners on virtual threads
 * (spring.threads.virtual), which {@code ThreadMXBean} does not list: their CPU shows on the shared carrier threads.
 * So the split comes from JFR's execution samples (a running thread's stack every 20 ms, virtual threads included,
 * read in this JVM by a {@link RecordingStream}): a sample belongs to the service whose classes are nearest the top
 * of its stack ({@code dev.peregrine.signal...}), else to a group told by its top frames or its thread's name
 * (Kafka broker, Kafka clients, the harness). A stage's CPU seconds are its share of the samples times the JVM's
 * CPU time over the feed ({@code getProcessCpuTime}), which includes GC and JIT: an estimate, as sampling is. The
 * embedded PostgreSQL's processes (its postmaster and backends, found by the port in their command line) are read
 * from {@code /proc}; backends that ended during the feed are not counted.
 */
final class StageCpu implements AutoCloseable {

    private static final List<String> SERVICES = List.of("ingest", "signal", "risk", "execution", "monitor");
    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ 100 on Linux

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Optional<Integer> postgresPort;
    private final Map<String, LongAdder> samples = new ConcurrentHashMap<>();
    private final RecordingStream recording = new RecordingStream();
    private volatile boolean counting;
    private long startProcessCpu;
    private long startPostgresTicks;
    private long startNanos;

    /** @param jdbcUrl the suite's database, whose port identifies its PostgreSQL processes */
    StageCpu(String jdbcUrl) {
        this.postgresPort = portOf(jdbcUrl);
        recording
                .enable("jdk.ExecutionSample")
                .withPeriod(Duration.ofMillis(20))
                .withStackTrace();
        recording.onEvent("jdk.ExecutionSample", this::sampled);
        recording.startAsync();
    }

    private void sampled(RecordedEvent sample) {
        if (!counting) {
            return;
        }
        RecordedThread thread = sample.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
        List<String> frames = sample.getStackTrace() == null
                ? List.of()
                : sample.getStackTrace().getFrames().stream()
                        .map(frame -> frame.getMethod().getType().getName())
                        .toList();
        samples.computeIfAbsent(group(frames, name), k -> new LongAdder()).increment();
    }

    /** Marks the start of the measured interval. */
    void start() {
        startNanos = System.nanoTime();
        startProcessCpu = os.getProcessCpuTime();
        startPostgresTicks = postgresTicks();
        counting = true;
    }

    /** CPU per stage since {@link #start()}, largest first, as a markdown table. */
    String report() {
        counting = false;
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        long processUsed = os.getProcessCpuTime() - startProcessCpu;
        long postgres = (postgresTicks() - startPostgresTicks) * CLOCK_TICK_NANOS;
        long total = samples.values().stream().mapToLong(LongAdder::sum).sum();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "| CPU over the feed (%.0f s wall, %d cores; JFR samples: %,d) | samples | CPU s (est.) | cores busy |%n"
                        + "|---|---:|---:|---:|%n",
                wallSeconds,
                Runtime.getRuntime().availableProcessors(),
                total));
        samples.entrySet().stream()
                .sorted(Comparator.comparingLong(
                                (Map.Entry<String, LongAdder> e) -> e.getValue().sum())
                        .reversed())
                .forEach(e -> {
                    long count = e.getValue().sum();
                    long nanos = total == 0 ? 0 : processUsed * count / total;
                    row(out, e.getKey(), String.format(Locale.ROOT, "%,d", count), nanos, wallSeconds);
                });
        row(out, "**harness JVM in all** (GC and JIT included)", "", processUsed, wallSeconds);
        postgresPort.ifPresent(port ->
                row(out, "PostgreSQL (postmaster and backends on port " + port + ")", "", postgres, wallSeconds));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String samples, long nanos, double wallSeconds) {
        out.append(String.format(
                Locale.ROOT, "| %s | %s | %.1f | %.2f |%n", name, samples, nanos / 1e9, nanos / 1e9 / wallSeconds));
    }

    /** The stage of one sample: the service nearest the top of its stack, else its top frames' owner or its thread. */
    static String group(List<String> frames, String threadName) {
        Optional<String> service = service(frames);
        if (service.isPresent()) {
            return service.get() + "-service";
        }
        for (String type : frames) {
            if (type.startsWith("org.apache.kafka.clients.") || type.startsWith("org.springframework.kafka.")) {
                return "Kafka clients (consumers, producers), outside a service's code";
            }
            if (type.startsWith("kafka.") || type.startsWith("org.apache.kafka.")) {
                return "Kafka broker (embedded)";
            }
        }
        return byName(threadName);
    }

    /** The group of a thread no sample caught in a service's code. */
    static String byName(String name) {
        if (name.startsWith("kafka-producer-network-thread")) {
            return "Kafka producers' I/O threads";
        }
        if (name.startsWith("latency-")) {
            return "the harness (feeder, collector)";
        }
        if (name.startsWith("data-plane")
                || name.startsWith("broker")
                || name.startsWith("kafka")
                || name.contains("raft")
                || name.startsWith("controller")
                || name.startsWith("ExpirationReaper")
                || name.contains("Log")) {
            return "Kafka broker (embedded)";
        }
        return "other threads";
    }

    /** The service whose classes are nearest the top of a stack, if any. */
    static Optional<String> service(List<String> frames) {
        for (String type : frames) {
            if (type.startsWith("dev.peregrine.")) {
                String rest = type.substring("dev.peregrine.".length());
                for (String service : SERVICES) {
                    if (rest.startsWith(service + ".")) {
                        return Optional.of(service);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private long postgresTicks() {
        if (postgresPort.isEmpty()) {
            return 0;
        }
        String portArg = "-p\0" + postgresPort.get() + "\0";
        long ticks = 0;
        long postmaster = -1;
        Map<Long, long[]> processes = new HashMap<>(); // pid -> {ppid, utime + stime}
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path dir : proc.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(dir.getFileName().toString());
                    processes.put(pid, new long[] {
                        Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                    });
                    if (stat.contains("(postgres)")
                            && Files.readString(dir.resolve("cmdline")).contains(portArg)) {
                        postmaster = pid;
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        for (Map.Entry<Long, long[]> p : processes.entrySet()) {
            if (p.getKey() == postmaster || p.getValue()[0] == postmaster) {
                ticks += p.getValue()[1];
            }
        }
        return ticks;
    }

    static Optional<Integer> portOf(String jdbcUrl) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(jdbcUrl == null ? "" : jdbcUrl);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    @Override
    public void close() {
        recording.close();
    }
}
