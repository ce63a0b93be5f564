package dev.peregrine.benchmarks.ingest;

import dev.peregrine.benchmarks.Machine;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ingest harness's closing report: what was replayed and published, what reached the topic and how fast against
 * the targets (50,000 candles/s, publish lag p99 under 20 ms), CPU per line, the heap trend and every sample row.
 */
final class HarnessSummary {

    private static final int TARGET_RATE = 50_000;
    private static final double TARGET_P99_MILLIS = 20.0;

    private final HarnessOptions options;
    private final boolean klines;
    private final TopicMeter meter;
    private final SampleTable table;

    HarnessSummary(HarnessOptions options, TopicMeter meter, SampleTable table) {
        this.options = options;
        this.klines = options.mode() == HarnessOptions.Mode.KLINES;
        this.meter = meter;
        this.table = table;
    }

    void print(
            List<ReplayClient.Run> runs,
            long published,
            boolean drained,
            CpuBreakdown.Snapshot cpuAtStart,
            CpuBreakdown.Snapshot cpuAtEnd) {
        long lines = runs.stream().mapToLong(ReplayClient.Run::linesRead).sum();
        long skipped = runs.stream().mapToLong(ReplayClient.Run::candlesSkipped).sum();
        long rejected = runs.stream().mapToLong(ReplayClient.Run::linesRejected).sum();
        Duration replaying = runs.stream().map(ReplayClient.Run::took).reduce(Duration.ZERO, Duration::plus);
        Duration span = meter.receiveSpan();
        System.out.println();
        System.out.println("== ingest pipeline harness: summary ==");
        System.out.println("machine        : " + Machine.describe());
        System.out.printf(
                Locale.ROOT,
                "input          : %s, %d runs (%s), batch-size %d, batches in flight %d%s%n",
                klines ? "kline files *-" + options.interval() + ".csv.gz" : "WebSocket captures",
                runs.size(),
                runs.stream().allMatch(r -> "COMPLETED".equals(r.status())) ? "all COMPLETED" : "NOT ALL COMPLETED",
                options.batchSize(),
                options.batchesInFlight(),
                options.jdbcParameters().isEmpty() ? "" : ", JDBC " + options.jdbcParameters());
        System.out.printf(
                Locale.ROOT,
                "ingest side    : %,d lines in %.1f s of replay = %,.0f lines/s; %,d candles "
                        + "published, %,d skipped, %,d lines rejected%n",
                lines,
                replaying.toMillis() / 1e3,
                rate(lines, replaying),
                published,
                skipped,
                rejected);
        if (!klines) {
            Map<String, Long> kinds = new TreeMap<>();
            runs.forEach(run -> run.messages().forEach((kind, count) -> kinds.merge(kind, count, Long::sum)));
            System.out.printf(
                    Locale.ROOT,
                    "messages       : %s = %,.0f messages/s parsed, checked and counted%n",
                    kinds,
                    rate(kinds.values().stream().mapToLong(Long::longValue).sum(), replaying));
            System.out.println(
                    "published      : ingest publishes CandleClosed (closed klines) and QualityIncident only; "
                            + "trades, book tickers and depth have no topic (common.Topics), so Kafka sees only candles");
        }
        String verdict = !klines
                ? ""
                : String.format(
                        Locale.ROOT,
                        " [target >= %,d/s: %s]",
                        TARGET_RATE,
                        rate(meter.candles(), span) >= TARGET_RATE ? "met" : "not met");
        System.out.printf(
                Locale.ROOT,
                "consumed       : %,d candles on market.candles.v1 (%s), first to last receive "
                        + "%.1f s = %,.0f candles/s%s; %,d incidents on market.quality.v1%n",
                meter.candles(),
                drained ? "all published" : "MISSING " + (published - meter.candles()),
                span.toMillis() / 1e3,
                rate(meter.candles(), span),
                verdict,
                meter.incidents());
        if (table.totalLag().getTotalCount() > 0) {
            double p99 = table.totalLag().getValueAtPercentile(99) / 1e3;
            System.out.printf(
                    Locale.ROOT,
                    "publish lag    : p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max "
                            + "%.1f ms over %,d candles (receive - envelope.processingTime) [target p99 < %.0f ms: %s]%n",
                    table.totalLag().getValueAtPercentile(50) / 1e3,
                    table.totalLag().getValueAtPercentile(90) / 1e3,
                    p99,
                    table.totalLag().getValueAtPercentile(99.9) / 1e3,
                    table.totalLag().getMaxValue() / 1e3,
                    table.totalLag().getTotalCount(),
                    TARGET_P99_MILLIS,
                    p99 < TARGET_P99_MILLIS ? "met" : "not met");
        }
        if (meter.unreadable() > 0) {
            System.out.printf(
                    Locale.ROOT, "unreadable     : %,d candle records without a processingTime%n", meter.unreadable());
        }
        Duration measured = Duration.ofNanos(cpuAtEnd.wallNanos() - cpuAtStart.wallNanos());
        List<CpuBreakdown.Use> cpu = CpuBreakdown.between(cpuAtStart, cpuAtEnd);
        System.out.println("CPU (this JVM) : " + CpuBreakdown.format(cpu, measured));
        perLine(cpu, CpuBreakdown.REPLAY, "replay thread  ", "read, parse, quality", lines, measured);
        perLine(cpu, CpuBreakdown.PIPELINE, "store+publish  ", "JDBC, encode, publish, mark", lines, measured);
        System.out.println("heap after GC  : " + table.heapTrend());
        System.out.println("samples        :");
        table.printRows();
    }

    private static void perLine(
            List<CpuBreakdown.Use> cpu, String group, String label, String work, long lines, Duration measured) {
        cpu.stream()
                .filter(use -> use.group().equals(group) && lines > 0)
                .findFirst()
                .ifPresent(use -> System.out.printf(
                        Locale.ROOT,
                        "%s: %.1f us CPU and %.1f KiB allocated per line (%s)%n",
                        label,
                        use.cores() * measured.toNanos() / 1e3 / lines,
                        use.allocatedMibPerSecond() * 1024 * measured.toNanos() / 1e9 / lines,
                        work));
    }

    static double rate(long count, Duration over) {
        return over.isZero() ? 0 : count * 1e9 / over.toNanos();
    }
}
