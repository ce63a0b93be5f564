package dev.peregrine.benchmarks.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where this JVM's CPU and allocations went between two snapshots, by what the threads do: ingest's replay thread,
 * its producer's I/O thread, the embedded broker, the harness itself, the rest; GC, JIT and VM threads are the
 * difference between the process's CPU time and its live Java threads'. On two cores shared by ingest and the
 * broker this tells which of them a faster replay would have to take CPU from, and how much garbage it makes.
 */
final class CpuBreakdown {

    /** Per thread id: name, CPU and allocated bytes; plus the process's CPU time, at one moment. */
    record Snapshot(Map<Long, ThreadUse> threads, long processNanos, long wallNanos) {}

    record ThreadUse(String name, long cpuNanos, long allocatedBytes) {}

    /** One group's share between two snapshots. */
    record Use(String group, double cores, double allocatedMibPerSecond) {}

    /** Thread names of the embedded KRaft broker (as of Kafka 4.2), after ingest's own Kafka threads are told apart. */
    private static final List<String> BROKER_MARKS = List.of(
            "kafka-",
            "data-plane",
            "controller-",
            "broker-",
            "raft",
            "quorum",
            "ExpirationReaper",
            "group-coordinator",
            "share-",
            "transaction-log",
            "TxnMarkerSender",
            "Persister",
            "persister",
            "LogDirFailureHandler",
            "client-metrics-reaper",
            "network-partition",
            "metrics-meter-tick",
            "executor-");

    static final String REPLAY = "ingest replay thread";
    static final String PIPELINE = "ingest storing and publishing threads";
    static final String VM = "GC, JIT, VM and ended threads";

    private CpuBreakdown() {}

    static Snapshot snapshot() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, ThreadUse> threads = new HashMap<>();
        long[] ids = bean.getAllThreadIds();
        ThreadInfo[] infos = bean.getThreadInfo(ids);
        long[] cpu = bean.getThreadCpuTime(ids);
        long[] allocated = bean.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && cpu[i] >= 0) {
                threads.put(ids[i], new ThreadUse(infos[i].getThreadName(), cpu[i], Math.max(0, allocated[i])));
            }
        }
        long process =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getProcessCpuTime()
                        : -1;
        return new Snapshot(threads, process, System.nanoTime());
    }

    /** Per group between {@code from} and {@code to}, most CPU first (1.00 core = one core all the time). */
    static List<Use> between(Snapshot from, Snapshot to) {
        double seconds = (to.wallNanos() - from.wallNanos()) / 1e9;
        Map<String, long[]> groups = new HashMap<>();
        long threadsCpu = 0;
        for (Map.Entry<Long, ThreadUse> thread : to.threads().entrySet()) {
            ThreadUse before = from.threads().get(thread.getKey());
            long cpu = thread.getValue().cpuNanos() - (before == null ? 0 : before.cpuNanos());
            long allocated = thread.getValue().allocatedBytes() - (before == null ? 0 : before.allocatedBytes());
            threadsCpu += cpu;
            long[] sums = groups.computeIfAbsent(group(thread.getValue().name()), g -> new long[2]);
            sums[0] += cpu;
            sums[1] += allocated;
        }
        if (from.processNanos() >= 0 && to.processNanos() >= 0) {
            groups.put(VM, new long[] {Math.max(0, to.processNanos() - from.processNanos() - threadsCpu), 0});
        }
        return groups.entrySet().stream()
                .map(e -> new Use(
                        e.getKey(), e.getValue()[0] / 1e9 / seconds, e.getValue()[1] / (1024.0 * 1024) / seconds))
                .sorted((a, b) -> Double.compare(b.cores(), a.cores()))
                .toList();
    }

    static String format(List<Use> uses, Duration over) {
        double cores = uses.stream().mapToDouble(Use::cores).sum();
        double allocated = uses.stream().mapToDouble(Use::allocatedMibPerSecond).sum();
        return String.format(
                        Locale.ROOT,
                        "%.2f cores and %.0f MiB/s allocated on average over %.0f s: ",
                        cores,
                        allocated,
                        over.toMillis() / 1e3)
                + uses.stream()
                        .map(u -> u.group().equals(VM)
                                ? String.format(Locale.ROOT, "%s %.2f cores", u.group(), u.cores())
                                : String.format(
                                        Locale.ROOT,
                                        "%s %.2f cores %.0f MiB/s",
                                        u.group(),
                                        u.cores(),
                                        u.allocatedMibPerSecond()))
                        .collect(Collectors.joining("; "));
    }

    static String group(String thread) {
        if (thread.equals("replay")) {
            return REPLAY;
        }
        if (thread.equals("replay-pipeline")) {
            return PIPELINE;
        }
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "ingest producer I/O";
        }
        if (thread.equals("topic-meter") || thread.equals("sampler") || thread.startsWith("HttpClient-")) {
            return "harness (consumer, REST polling, sampler)";
        }
        if (thread.startsWith("http-nio")
                || thread.startsWith("ForkJoinPool")
                || thread.startsWith("Hikari")
                || thread.startsWith("Catalina")
                || thread.startsWith("kafka-admin-client-thread")
                || thread.startsWith("micrometer-kafka-metrics")) {
            return "ingest HTTP, health and pools";
        }
        for (String mark : BROKER_MARKS) {
            if (thread.contains(mark)) {
                return "embedded Kafka broker";
            }
        }
        return "other threads";
    }
}
