package dev.peregrine.benchmarks.audit;

import dev.peregrine.benchmarks.ingest.HarnessOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The replay audit's command line: one kline file, and how long to wait.
 *
 * @param file     the Binance kline CSV (plain or gzip) to replay; its name gives the symbol and interval
 * @param candles  replay only the first N candles of it (0: all)
 * @param quiet    the chain has drained once nothing moved for this long (no new decision, intent, order, fill,
 *                 fact or committed offset) with every consumer group at lag 0
 * @param timeout  give up (and fail) when the replay and the drain take longer than this
 * @param progress how often to print a progress line
 * @param summary  a file to append the run's one-line summary to (the script collects them), or null
 */
public record AuditOptions(Path file, int candles, Duration quiet, Duration timeout, Duration progress, Path summary) {

    public static final String USAGE = """
            Replays one Binance kline file through the whole suite (ingest, signal, risk, execution, monitor in this JVM,
            embedded Kafka and PostgreSQL, service defaults: paper venue, risk-service.yml limits, instruments from
            ingest's exchangeInfo snapshot), waits for the run to complete and the chain to drain, then checks the
            invariants from the services' own stores and APIs and prints the figures per strategy.

              ReplayAuditHarness FILE [--candles=N] [--quiet=20s] [--timeout=90m] [--progress=30s] [--summary=PATH]

            Exit status: 0 when every check passed, 1 when one failed or the chain did not drain, 2 for a bad command line.
            """;

    /** Empty when {@code --help} was asked for. */
    public static Optional<AuditOptions> parse(String... args) {
        Path file = null;
        int candles = 0;
        Duration quiet = Duration.ofSeconds(20);
        Duration timeout = Duration.ofMinutes(90);
        Duration progress = Duration.ofSeconds(30);
        Path summary = null;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.empty();
            }
            if (!arg.startsWith("--")) {
                if (file != null) {
                    throw new IllegalArgumentException(
                            "one file per run (a fresh book each): got " + file + " and " + arg + "\n" + USAGE);
                }
                file = Path.of(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'\n" + USAGE);
            }
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1).trim();
            switch (name) {
                case "candles" -> candles = Integer.parseInt(value);
                case "quiet" -> quiet = HarnessOptions.duration(value);
                case "timeout" -> timeout = HarnessOptions.duration(value);
                case "progress" -> progress = HarnessOptions.duration(value);
                case "summary" -> summary = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        if (file == null) {
            throw new IllegalArgumentException(
                    "which file? e.g. ../shared/data/binance/klines/BTCUSDT-15m.csv.gz\n" + USAGE);
        }
        if (candles < 0
                || quiet.isNegative()
                || quiet.isZero()
                || timeout.isNegative()
                || timeout.isZero()
                || progress.isNegative()
                || progress.isZero()) {
            throw new IllegalArgumentException(
                    "--candles is 0 or more; --quiet, --timeout and --progress are positive\n" + USAGE);
        }
        return Optional.of(new AuditOptions(file, candles, quiet, timeout, progress, summary));
    }
}
