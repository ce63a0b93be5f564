package dev.peregrine.benchmarks.latency;

import dev.peregrine.benchmarks.ingest.HarnessOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * The latency harness's command line.
 *
 * @param rate         closed candles published per second, on a fixed schedule (candle i is due at start + i / rate)
 * @param duration     how long candles are published, warm-up included
 * @param warmup       candles due in this first part are published but not measured (JIT, connection pools, caches)
 * @param series       how many of the five real series (BTC, ETH, SOL, BNB, XRP at 15m) the candles are spread over
 * @param primeBars    bars of each series first replayed through ingest (instruments synced, indicators warmed up)
 * @param progress     how often to print a progress line
 * @param drainTimeout after the last candle, how long to wait for the chain to catch up (consumer groups at lag 0)
 */
public record LatencyOptions(
        int rate,
        Duration duration,
        Duration warmup,
        int series,
        int primeBars,
        Duration progress,
        Duration drainTimeout) {

    /** The five symbols with instruments in ingest's exchangeInfo snapshot, at 15m. */
    public static final int MAX_SERIES = 5;

    public static final String USAGE = """
            Measures candle -> order intent latency through the running suite (ingest, signal, risk, execution, monitor
            in this JVM; embedded Kafka and PostgreSQL; service defaults). Each series' first bars are replayed through
            ingest (it syncs the instruments and warms the indicators up); then the harness publishes the following
            real closed candles to market.candles.v1 itself, round-robin over the series, at a fixed rate, and times
            every candle that leads to an order intent on orders.intents.v1: from its scheduled time (corrected for
            coordinated omission) and from its send, and per stage (candle -> first signal, signal -> intent).

              CandleToIntentHarness [--rate=1000] [--duration=10m] [--warmup=30s] [--series=5] [--prime-bars=300]
                                    [--progress=10s] [--drain-timeout=60s]

            Data: ../shared/data/binance/klines/{BTC,ETH,SOL,BNB,XRP}USDT-15m.csv.gz (or -Dperegrine.data=...).
            Exit status: 0 when every intent was matched to its candle, 1 otherwise, 2 for a bad command line.
            """;

    /** Empty when {@code --help} was asked for. */
    public static Optional<LatencyOptions> parse(String... args) {
        int rate = 1000;
        Duration duration = Duration.ofMinutes(10);
        Duration warmup = Duration.ofSeconds(30);
        int series = MAX_SERIES;
        int primeBars = 300;
        Duration progress = Duration.ofSeconds(10);
        Duration drainTimeout = Duration.ofSeconds(60);
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
                case "rate" -> rate = Integer.parseInt(value);
                case "duration" -> duration = HarnessOptions.duration(value);
                case "warmup" -> warmup = HarnessOptions.duration(value);
                case "series" -> series = Integer.parseInt(value);
                case "prime-bars" -> primeBars = Integer.parseInt(value);
                case "progress" -> progress = HarnessOptions.duration(value);
                case "drain-timeout" -> drainTimeout = HarnessOptions.duration(value);
                default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        if (rate < 1 || rate > 100_000) {
            throw new IllegalArgumentException("--rate is 1 to 100000 candles/s\n" + USAGE);
        }
        if (series < 1 || series > MAX_SERIES) {
            throw new IllegalArgumentException("--series is 1 to " + MAX_SERIES + "\n" + USAGE);
        }
        if (!positive(duration) || warmup.isNegative() || warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("--duration is positive and longer than --warmup\n" + USAGE);
        }
        if (primeBars < 0 || !positive(progress) || !positive(drainTimeout)) {
            throw new IllegalArgumentException(
                    "--prime-bars is 0 or more; --progress and --drain-timeout are positive\n" + USAGE);
        }
        return Optional.of(new LatencyOptions(rate, duration, warmup, series, primeBars, progress, drainTimeout));
    }

    /** The candles the schedule publishes in all: rate x duration. */
    public long candles() {
        return rate * duration.toMillis() / 1000;
    }

    /** Candles due before this index belong to the warm-up. */
    public long warmupCandles() {
        return rate * warmup.toMillis() / 1000;
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
