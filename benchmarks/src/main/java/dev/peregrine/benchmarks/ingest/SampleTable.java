package dev.peregrine.benchmarks.ingest;

import dev.peregrine.benchmarks.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The ingest harness's measurements over time: a row of rate, publish lag and heap every {@code --sample} (printed
 * as it is taken and again in the summary), the publish lag of the whole run, and the trend of the heap left after
 * collections, the figure that tells a leak.
 */
final class SampleTable {

    static final double MIB = 1024.0 * 1024.0;

    private final TopicMeter meter;
    private final HeapMonitor heap;
    private final List<Row> rows = new ArrayList<>();
    private final Histogram totalLag = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    private long measureStartNanos;
    private long lastSampleNanos;
    private long lastCandles;

    /** One sampling period: what arrived, how late, and what the heap looked like after its collections. */
    record Row(
            double elapsedSeconds,
            double candlesPerSecond,
            long candles,
            double lagP50Millis,
            double lagP99Millis,
            double lagMaxMillis,
            HeapMonitor.Window heap,
            long residentBytes) {

        static final String HEADER = String.format(
                Locale.ROOT,
                "%8s %12s %10s %10s %10s %5s %7s %16s %16s %8s",
                "t s",
                "candles/s",
                "lag p50ms",
                "lag p99ms",
                "lag maxms",
                "GCs",
                "GC ms",
                "heap-after-GC min",
                "heap-after-GC last",
                "RSS MiB");

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%8.1f %12.0f %10.1f %10.1f %10.1f %5d %7d %12.0f MiB %12.0f MiB %8.0f",
                    elapsedSeconds,
                    candlesPerSecond,
                    lagP50Millis,
                    lagP99Millis,
                    lagMaxMillis,
                    heap.collections(),
                    heap.collectionMillis(),
                    heap.minAfterBytes() / MIB,
                    heap.lastAfterBytes() / MIB,
                    residentBytes / MIB);
        }
    }

    SampleTable(TopicMeter meter, HeapMonitor heap) {
        this.meter = meter;
        this.heap = heap;
    }

    /** Starts the measured period: the rows count from now. */
    synchronized void start(long nowNanos) {
        measureStartNanos = nowNanos;
        lastSampleNanos = nowNanos;
    }

    long measureStartNanos() {
        return measureStartNanos;
    }

    /** The publish lag of every candle measured, in microseconds. */
    Histogram totalLag() {
        return totalLag;
    }

    void printRows() {
        System.out.println(Row.HEADER);
        rows.forEach(row -> System.out.println(row.line()));
    }

    /** Takes a row; the lags recorded since the last one always count in the totals, however short the period. */
    synchronized void sample() {
        long now = System.nanoTime();
        Histogram lag = meter.intervalLag();
        totalLag.add(lag);
        double seconds = (now - lastSampleNanos) / 1e9;
        if (seconds <= 0.05) {
            return;
        }
        long candles = meter.candles();
        boolean any = lag.getTotalCount() > 0;
        Row row = new Row(
                (now - measureStartNanos) / 1e9,
                (candles - lastCandles) / seconds,
                candles - lastCandles,
                any ? lag.getValueAtPercentile(50) / 1e3 : Double.NaN,
                any ? lag.getValueAtPercentile(99) / 1e3 : Double.NaN,
                any ? lag.getMaxValue() / 1e3 : Double.NaN,
                heap.window(),
                Machine.residentBytes().orElse(-1L));
        rows.add(row);
        lastSampleNanos = now;
        lastCandles = candles;
        System.out.println(row.line());
    }

    /** Least-squares slope of the lowest after-GC heap per sample against time, and first vs last third. */
    String heapTrend() {
        List<Row> withGc = rows.stream().filter(row -> !row.heap().empty()).toList();
        if (withGc.size() < 3) {
            return "too few samples with a collection to judge (" + withGc.size() + "); run longer (--duration=10m)";
        }
        double n = withGc.size();
        double meanT =
                withGc.stream().mapToDouble(Row::elapsedSeconds).average().orElse(0) / 60;
        double meanH = withGc.stream()
                .mapToDouble(row -> row.heap().minAfterBytes() / MIB)
                .average()
                .orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Row row : withGc) {
            double t = row.elapsedSeconds() / 60 - meanT;
            covariance += t * (row.heap().minAfterBytes() / MIB - meanH);
            variance += t * t;
        }
        int third = Math.max(1, (int) (n / 3));
        double first = withGc.subList(0, third).stream()
                .mapToDouble(row -> row.heap().minAfterBytes() / MIB)
                .average()
                .orElse(0);
        double last = withGc.subList(withGc.size() - third, withGc.size()).stream()
                .mapToDouble(row -> row.heap().minAfterBytes() / MIB)
                .average()
                .orElse(0);
        return String.format(
                Locale.ROOT,
                "lowest per sample: first third %.0f MiB, last third %.0f MiB, slope %+.1f "
                        + "MiB/min over %d samples (%,d collections in all)",
                first,
                last,
                variance == 0 ? 0 : covariance / variance,
                withGc.size(),
                heap.totalCollections());
    }
}
