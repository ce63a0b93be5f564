package dev.peregrine.benchmarks.ingest;

import dev.peregrine.benchmarks.Machine;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.KlineCsvParser;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.stream.CaptureLine;
import dev.peregrine.testkit.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * ingest's hot path on one thread, one record per operation (see {@link IngestHotPath} for what that covers):
 * <ul>
 *   <li>{@code wsMessage}: a raw Binance WebSocket message: the real BTCUSDT capture ({@code messages=capture},
 *       trades, book tickers, depth; it holds no klines) or a generated stream of the same mix plus 1m klines
 *       ({@code messages=generated}). The capture falls back to generated messages when the file is absent.</li>
 *   <li>{@code wsClosedKline}: every message a closed kline, so every operation also builds and encodes a
 *       {@code CandleClosed}: the most a message costs.</li>
 *   <li>{@code klineCsvLine}: a line of the real BTCUSDT-15m kline file (generated lines when absent) through
 *       {@code KlineCsvParser}, the quality stage and the encoder.</li>
 * </ul>
 * Scores are in microseconds: throughput ops/us x 1,000,000 = messages per second; the target of 200,000
 * messages/s on one core is 0.2 ops/us, i.e. at most 5 us/op. Each state prints the machine, the data it used and
 * what went through (message kinds, candles encoded, refusals), so a figure can be checked against its input.
 */
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@Threads(1)
public class IngestHotPathBenchmark {

    static final String CAPTURE = "binance/ws-capture/btcusdt_20240808.log.gz";
    static final String KLINES = "binance/klines/BTCUSDT-15m.csv.gz";
    private static final Instant GENERATED_START = Instant.parse("2024-08-08T23:54:00Z");

    @Benchmark
    public void wsMessage(WsFeed feed, Blackhole sink) {
        feed.next(sink);
    }

    @Benchmark
    public void wsClosedKline(ClosedKlineFeed feed, Blackhole sink) {
        feed.next(sink);
    }

    @Benchmark
    public void klineCsvLine(CsvFeed feed, Blackhole sink) {
        int i = feed.next;
        feed.path.csvLine(feed.parser, feed.lines[i], sink);
        if (++i == feed.lines.length) {
            i = 0;
            feed.path.restart();
        }
        feed.next = i;
    }

    /** WebSocket messages with their receive times, fed one per invocation, starting over at the end. */
    abstract static class MessageFeed {

        String[] raw;
        Instant[] receivedAt;
        int next;
        IngestHotPath path;

        void fill(List<GeneratedMarketData.TimedMessage> loaded, String source) {
            raw = loaded.stream().map(GeneratedMarketData.TimedMessage::message).toArray(String[]::new);
            receivedAt = loaded.stream()
                    .map(GeneratedMarketData.TimedMessage::receivedAt)
                    .toArray(Instant[]::new);
            path = new IngestHotPath(source);
        }

        /** The next message through the hot path; a fresh quality stage once all went through. */
        void next(Blackhole sink) {
            int i = next;
            path.message(raw[i], receivedAt[i], sink);
            if (++i == raw.length) {
                i = 0;
                path.restart();
            }
            next = i;
        }
    }

    @State(Scope.Thread)
    public static class WsFeed extends MessageFeed {

        /** capture: the real BTCUSDT WebSocket capture (generated if absent); generated: made-up stream with klines. */
        @Param({"capture", "generated"})
        public String messages;

        private String data;

        @Setup(Level.Trial)
        public void load() throws IOException {
            Machine.printOnce();
            Optional<Path> capture = "capture".equals(messages) ? SharedData.file(CAPTURE) : Optional.empty();
            List<GeneratedMarketData.TimedMessage> loaded;
            if (capture.isPresent()) {
                loaded = readCapture(capture.get());
                data = "real capture " + capture.get();
            } else {
                loaded = GeneratedMarketData.combinedStream(
                        List.of("BTCUSDT", "ETHUSDT"), GENERATED_START, Duration.ofMinutes(5), 20240808L);
                data = "capture".equals(messages)
                        ? "GENERATED stream (fall-back: " + CAPTURE + " not found under ../shared/data)"
                        : "generated stream of BTCUSDT and ETHUSDT (trades, book tickers, depth, 1m klines)";
            }
            fill(loaded, "benchmark:" + messages);
            System.out.printf(Locale.ROOT, "# wsMessage data: %s, %,d messages%n", data, raw.length);
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.println("# wsMessage[" + messages + "] went through: " + path.summary());
        }
    }

    @State(Scope.Thread)
    public static class ClosedKlineFeed extends MessageFeed {

        @Setup(Level.Trial)
        public void load() {
            Machine.printOnce();
            List<GeneratedMarketData.TimedMessage> loaded = GeneratedMarketData.closedKlines(
                    List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT"), GENERATED_START, 10_000, 42L);
            fill(loaded, "benchmark:closed-klines");
            System.out.printf(
                    Locale.ROOT,
                    "# wsClosedKline data: generated closed 1m klines, 5 symbols, %,d "
                            + "messages (the captures hold no klines)%n",
                    raw.length);
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.println("# wsClosedKline went through: " + path.summary());
        }
    }

    @State(Scope.Thread)
    public static class CsvFeed {

        String[] lines;
        KlineCsvParser parser;
        int next;
        IngestHotPath path;

        @Setup(Level.Trial)
        public void load() throws IOException {
            Machine.printOnce();
            Optional<Path> file = SharedData.file(KLINES);
            String data;
            if (file.isPresent()) {
                lines = readKlineLines(file.get()).toArray(String[]::new);
                data = "real kline file " + file.get();
            } else {
                lines = GeneratedMarketData.klineCsvLines(
                                Instant.parse("2023-01-02T00:00:00Z"),
                                Interval.fromCode("15m").millis(),
                                87_451,
                                15L)
                        .toArray(String[]::new);
                data = "GENERATED BTCUSDT-15m lines (fall-back: " + KLINES + " not found under ../shared/data)";
            }
            parser = new KlineCsvParser(new Series(Symbol.of("BTCUSDT"), Interval.fromCode("15m")));
            path = new IngestHotPath("benchmark:BTCUSDT-15m.csv");
            System.out.printf(Locale.ROOT, "# klineCsvLine data: %s, %,d lines%n", data, lines.length);
        }

        @TearDown(Level.Trial)
        public void report() {
            System.out.println("# klineCsvLine went through: " + path.summary());
        }
    }

    /** The capture's messages with the recorder's receive times; lines that are not {@code <ns> <json>} are left out. */
    static List<GeneratedMarketData.TimedMessage> readCapture(Path file) throws IOException {
        List<GeneratedMarketData.TimedMessage> messages = new ArrayList<>();
        try (BufferedReader in = gzipLines(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (CaptureLine.parse(line) instanceof CaptureLine.Entry entry) {
                    messages.add(new GeneratedMarketData.TimedMessage(entry.localTime(), entry.message()));
                }
            }
        }
        return messages;
    }

    /** The data lines of a kline file, without its header. */
    static List<String> readKlineLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = gzipLines(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!KlineCsvParser.isHeader(line) && !line.isBlank()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static BufferedReader gzipLines(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8),
                1 << 16);
    }
}
