package dev.peregrine.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The machine a figure was taken on, as one line: a throughput means nothing without the cores, memory, JDK and
 * OS behind it, and whether other work shared the cores (the 1-minute load average when printed hints at that).
 */
public final class Machine {

    private static volatile boolean printed;

    private Machine() {}

    /** Prints {@link #describe()} once per JVM (JMH calls every state's set-up in the same fork). */
    public static void printOnce() {
        if (!printed) {
            printed = true;
            // On a line of its own: JMH has already printed "# Warmup Iteration 1: " when a set-up runs.
            System.out.println();
            System.out.println("# Machine: " + describe());
        }
    }

    public static String describe() {
        Runtime runtime = Runtime.getRuntime();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        String memory = physicalMemoryBytes()
                .map(bytes -> String.format(Locale.ROOT, "%.1f GiB RAM", bytes / GIB))
                .orElse("RAM unknown");
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %s, %s %s %s, JDK %s (%s), max heap %d MiB, GC [%s], " + "load average %.2f",
                runtime.availableProcessors(),
                cpuModel().orElse("cpu model unknown"),
                memory,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"),
                runtime.maxMemory() / (1024 * 1024),
                collectors,
                os.getSystemLoadAverage());
    }

    private static final double GIB = 1024.0 * 1024 * 1024;

    private static Optional<Long> physicalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Optional.of(os.getTotalMemorySize());
        }
        return Optional.empty();
    }

    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Resident set size of this process in bytes (Linux), which counts what the heap figures leave out. */
    public static Optional<Long> residentBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
