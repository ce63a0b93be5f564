package dev.peregrine.benchmarks.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The pipeline harness's command line, {@code --name=value} each.
 *
 * @param mode           what is replayed: kline files or WebSocket captures
 * @param interval       kline files replayed: {@code ../shared/data/binance/klines/*-<interval>.csv.gz}
 * @param duration       zero: each file once; else files are replayed again (under fresh symbols) until this much
 *                       measured time has passed, finishing the file in progress
 * @param candlesPerFile zero: whole files; else only the first N lines of each (short smoke runs)
 * @param batchSize      {@code peregrine.ingest.replay.batch-size}: lines stored and published per round trip
 * @param warmUpLines    lines of the first file per warm-up run (class loading, JIT, producer metadata); not counted
 * @param warmUp         warm-up runs are repeated (under fresh warm-up symbols) until this much time has passed, so
 *                       that the measured phase sees compiled code rather than the JIT at work
 * @param batchesInFlight {@code peregrine.ingest.replay.batches-in-flight}: stored batches waiting to be published
 * @param freshSymbols   with {@code duration}: each pass replays under symbols of its own (the tables keep growing,
 *                       and so does the number of series); otherwise ingest's candle tables are emptied between
 *                       passes and every pass replays under the same symbols, as bounded as production's series
 * @param sample         how often the throughput, lag and heap rows are taken
 * @param jdbcParameters added to the database URL's query, e.g. {@code reWriteBatchedInserts=true}, to try
 *                       driver settings without changing ingest; empty for none
 */
public record HarnessOptions(
        Mode mode,
        String interval,
        Duration duration,
        int candlesPerFile,
        int batchSize,
        int warmUpLines,
        Duration warmUp,
        int batchesInFlight,
        boolean freshSymbols,
        Duration sample,
        String jdbcParameters) {

    public enum Mode {
        /** Kline CSV files of all symbols: the candle path, measured on market.candles.v1. */
        KLINES,
        /** Raw WebSocket captures: every message kind through the live parser; ingest publishes only their candles. */
        CAPTURE
    }

    public static final String USAGE = """
            Usage: java -Xms2g -Xmx2g -jar benchmarks/target/peregrine-benchmarks-harness.jar [options]
              --mode=klines|capture     klines (default): replay ../shared/data/binance/klines/*-<interval>.csv.gz;
                                        capture: replay ../shared/data/binance/ws-capture/*.log.gz
              --interval=15m            kline files to replay (15m: 5 x 87,451 candles; 1h: up to 65,590 each)
              --duration=0              0: every file once; e.g. 10m: replay the files again (fresh symbols) until
                                        10 minutes of measured replay have passed
              --candles-per-file=0      0: whole files; N: only the first N lines of each (smoke runs)
              --batch-size=250          peregrine.ingest.replay.batch-size (1..10000)
              --warm-up-lines=20000     lines of the first file per warm-up run, not measured (0: no warm-up)
              --warm-up=60s             warm-up runs go on (fresh symbols) until this much time has passed
              --batches-in-flight=4     peregrine.ingest.replay.batches-in-flight (1..16)
              --fresh-symbols=false     with --duration: true replays each pass under new symbols; false empties
                                        ingest's candle tables between passes and reuses the same symbols
              --sample=10s              period of the throughput / lag / heap-after-GC rows
              --jdbc-params=            added to the JDBC URL's query, e.g. reWriteBatchedInserts=true
            Data folder: -Dperegrine.data=PATH or PEREGRINE_SHARED_DATA (default ../shared/data).
            Infrastructure: embedded Kafka (in this JVM) and PostgreSQL, or external ones with PEREGRINE_TEST_KAFKA
            and PEREGRINE_TEST_JDBC_URL / _USERNAME / _PASSWORD (then the heap figures are ingest's alone).
            """;

    public HarnessOptions {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("--batch-size must be between 1 and 10000, was " + batchSize);
        }
        if (candlesPerFile < 0 || warmUpLines < 0) {
            throw new IllegalArgumentException("--candles-per-file and --warm-up-lines must be 0 or more");
        }
        if (warmUp.isNegative()) {
            throw new IllegalArgumentException("--warm-up must be 0 or positive, was " + warmUp);
        }
        if (batchesInFlight < 1 || batchesInFlight > 16) {
            throw new IllegalArgumentException("--batches-in-flight must be between 1 and 16, was " + batchesInFlight);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be 0 or positive, was " + duration);
        }
        if (sample.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--sample must be at least 1s, was " + sample);
        }
        Objects.requireNonNull(jdbcParameters, "jdbcParameters");
    }

    /** {@code url} with {@link #jdbcParameters()} added to its query. */
    public String jdbcUrl(String url) {
        if (jdbcParameters.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + jdbcParameters;
    }

    /** Empty when {@code --help} was asked for. */
    public static Optional<HarnessOptions> parse(String... args) {
        Mode mode = Mode.KLINES;
        String interval = "15m";
        Duration duration = Duration.ZERO;
        int candlesPerFile = 0;
        int batchSize = 250;
        int warmUpLines = 20_000;
        Duration warmUp = Duration.ofSeconds(60);
        int batchesInFlight = 4;
        boolean freshSymbols = false;
        Duration sample = Duration.ofSeconds(10);
        String jdbcParameters = "";
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.empty();
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'\n" + USAGE);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1).trim();
            switch (name) {
                case "mode" -> mode = Mode.valueOf(value.toUpperCase(Locale.ROOT));
                case "interval" -> interval = value;
                case "duration" -> duration = duration(value);
                case "candles-per-file" -> candlesPerFile = Integer.parseInt(value);
                case "batch-size" -> batchSize = Integer.parseInt(value);
                case "warm-up-lines" -> warmUpLines = Integer.parseInt(value);
                case "warm-up" -> warmUp = duration(value);
                case "batches-in-flight" -> batchesInFlight = Integer.parseInt(value);
                case "fresh-symbols" -> freshSymbols = Boolean.parseBoolean(value);
                case "sample" -> sample = duration(value);
                case "jdbc-params" -> jdbcParameters = value;
                default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        return Optional.of(new HarnessOptions(
                mode,
                interval,
                duration,
                candlesPerFile,
                batchSize,
                warmUpLines,
                warmUp,
                batchesInFlight,
                freshSymbols,
                sample,
                jdbcParameters));
    }

    /** {@code 0}, {@code 90s}, {@code 10m}, {@code 1h}, or an ISO-8601 duration such as {@code PT10M}. */
    public static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        if (value.startsWith("pt")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        if (value.length() < 2) {
            throw new IllegalArgumentException("a duration is 0 or a number with s, m or h, e.g. 10m: '" + text + "'");
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default ->
                throw new IllegalArgumentException(
                        "a duration is 0 or a number with s, m or h, e.g. 10m: '" + text + "'");
        };
    }
}
