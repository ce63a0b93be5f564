package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.cli.UsageException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The walk-forward command line, {@code --key value} pairs. Dates are UTC days; {@code --to} is inclusive.
 *
 * @param dataDir     folder of {@code SYMBOL-INTERVAL.csv.gz} files
 * @param symbols     symbols run together
 * @param interval    kline interval, e.g. 15m
 * @param from        first day, or the files' start
 * @param to          last day, or the files' end
 * @param trainDays   training window length
 * @param testDays    test window length and step
 * @param horizonBars label horizon in candles (the purge)
 * @param embargoBars extra gap in candles
 * @param space       {@code agreeing} (min-agreeing 1..5), {@code thresholds} (with the conviction threshold, 35
 *                    points), {@code pause} (the seed's low-strength pause: threshold 0 = off .. 60 x window, 14
 *                    points) or {@code engine} (every service key of the issue-12 space: genetic)
 * @param search      {@code grid} or {@code genetic}
 * @param seed        the genetic search's seed
 * @param score       {@code return} or {@code expectancy}
 * @param minTrades   fewer counted trades score 0
 * @param out         where the run's JSON and the chosen configuration go
 * @param runId       the run's name
 */
public record WalkForwardOptions(
        Path dataDir,
        List<String> symbols,
        String interval,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        int trainDays,
        int testDays,
        int horizonBars,
        int embargoBars,
        String space,
        String search,
        long seed,
        String score,
        int minTrades,
        Path out,
        String runId) {

    /** What {@code ./backtest.sh walk-forward --help} prints. */
    public static final String HELP = """
            usage: ./backtest.sh walk-forward [--key value ...]
            Walk-forward optimisation of the services' settings on the backtest engine. The last 25 % of the data is
            held out and never read; folds are cut from the rest; only test-window figures are results.
            options (default):
              --data-dir DIR       folder of SYMBOL-INTERVAL.csv.gz kline files (../shared/data/binance/klines)
              --symbols A,B        symbols run together (BTCUSDT,ETHUSDT,SOLUSDT,BNBUSDT,XRPUSDT)
              --interval I         kline interval (15m)
              --from YYYY-MM-DD    first UTC day (the files' start)
              --to YYYY-MM-DD      last UTC day, inclusive (the files' end)
              --train-days N       training window (120)
              --test-days N        test window, also the step (30)
              --horizon-bars N     label horizon and purge, in candles (16)
              --embargo-bars N     extra gap after each test window, in candles (0)
              --space S            agreeing | thresholds | pause | engine (thresholds)
              --search S           grid | genetic (grid)
              --seed N             the genetic search's seed (1)
              --score S            return | expectancy (return)
              --min-trades N       fewer counted trades score 0 (10)
              --out DIR            where RUN-ID.json, RUN-ID.html and RUN-ID-chosen.yml go (target/walk-forward)
              --run-id ID          the run's name (wf-SEARCH-SEED)
              --help               this text
            exit codes: 0 done, 2 a mistake in what was asked (the message says which), 1 a failure while running
            details: docs/backtesting.md, section "walk-forward"
            """;

    static final List<String> SPACES = List.of("agreeing", "thresholds", "pause", "engine");
    static final List<String> SEARCHES = List.of("grid", "genetic");
    static final List<String> SCORES = List.of("return", "expectancy");

    static final Set<String> KEYS = Set.of(
            "data-dir",
            "symbols",
            "interval",
            "from",
            "to",
            "train-days",
            "test-days",
            "horizon-bars",
            "embargo-bars",
            "space",
            "search",
            "seed",
            "score",
            "min-trades",
            "out",
            "run-id");

    /** Whether the user asked for {@link #HELP}. */
    public static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** @throws UsageException naming the option that is wrong and how to put it right */
    public static WalkForwardOptions parse(List<String> args, Path defaultDataDir) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String key = args.get(i).startsWith("--") ? args.get(i).substring(2) : "";
            if (!KEYS.contains(key)) {
                throw new UsageException("unknown option " + args.get(i) + "; the options are --"
                        + String.join(", --", new TreeSet<>(KEYS)) + " (--help shows what each means)");
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("option " + args.get(i) + " needs a value");
            }
            if (values.put(key, args.get(i + 1)) != null) {
                throw new UsageException("option " + args.get(i) + " given twice");
            }
        }
        long seed = whole(values, "seed", "1");
        String search = oneOf(values, "search", "grid", SEARCHES);
        List<String> symbols = List.of(values.getOrDefault("symbols", "BTCUSDT,ETHUSDT,SOLUSDT,BNBUSDT,XRPUSDT")
                .split(","));
        if (symbols.isEmpty() || symbols.stream().anyMatch(String::isBlank)) {
            throw new UsageException("--symbols needs comma-separated symbols, e.g. BTCUSDT,ETHUSDT");
        }
        return new WalkForwardOptions(
                Path.of(values.getOrDefault("data-dir", defaultDataDir.toString())),
                symbols,
                values.getOrDefault("interval", "15m"),
                day(values, "from"),
                day(values, "to"),
                positive(values, "train-days", "120"),
                positive(values, "test-days", "30"),
                positive(values, "horizon-bars", "16"),
                (int) whole(values, "embargo-bars", "0"),
                oneOf(values, "space", "thresholds", SPACES),
                search,
                seed,
                oneOf(values, "score", "return", SCORES),
                (int) whole(values, "min-trades", "10"),
                Path.of(values.getOrDefault("out", "target/walk-forward")),
                values.getOrDefault("run-id", "wf-" + search + "-" + seed));
    }

    private static long whole(Map<String, String> values, String key, String fallback) {
        String text = values.getOrDefault(key, fallback);
        try {
            long value = Long.parseLong(text);
            if (value < 0 || (!key.equals("seed") && value > Integer.MAX_VALUE)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--" + key + " must be a whole number of at least 0, e.g. " + fallback + ", not " + text);
        }
    }

    private static int positive(Map<String, String> values, String key, String fallback) {
        long value = whole(values, key, fallback);
        if (value < 1) {
            throw new UsageException("--" + key + " must be at least 1, e.g. " + fallback + ", not " + value);
        }
        return (int) value;
    }

    private static String oneOf(Map<String, String> values, String key, String fallback, List<String> allowed) {
        String value = values.getOrDefault(key, fallback);
        if (!allowed.contains(value)) {
            throw new UsageException("--" + key + " is " + String.join(" or ", allowed) + ", not " + value);
        }
        return value;
    }

    private static Optional<LocalDate> day(Map<String, String> values, String key) {
        String text = values.get(key);
        try {
            return Optional.ofNullable(text).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new UsageException("--" + key + " must be a UTC day YYYY-MM-DD, e.g. 2024-01-31, not " + text);
        }
    }
}
