package dev.peregrine.backtest.research.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 *                    points) or {@code engine} (every service key of the issue-12 space, 4,200 points: genetic)
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

    private static final Set<String> KEYS = Set.of(
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

    public static WalkForwardOptions parse(List<String> args, Path defaultDataDir) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String key = args.get(i).startsWith("--") ? args.get(i).substring(2) : "";
            if (!KEYS.contains(key) || i + 1 >= args.size()) {
                throw new IllegalArgumentException(
                        "expected --key value with a key of " + KEYS + ", got " + args.get(i));
            }
            values.put(key, args.get(i + 1));
        }
        long seed = Long.parseLong(values.getOrDefault("seed", "1"));
        String search = values.getOrDefault("search", "grid");
        return new WalkForwardOptions(
                Path.of(values.getOrDefault("data-dir", defaultDataDir.toString())),
                List.of(values.getOrDefault("symbols", "BTCUSDT,ETHUSDT,SOLUSDT,BNBUSDT,XRPUSDT")
                        .split(",")),
                values.getOrDefault("interval", "15m"),
                Optional.ofNullable(values.get("from")).map(LocalDate::parse),
                Optional.ofNullable(values.get("to")).map(LocalDate::parse),
                Integer.parseInt(values.getOrDefault("train-days", "120")),
                Integer.parseInt(values.getOrDefault("test-days", "30")),
                Integer.parseInt(values.getOrDefault("horizon-bars", "16")),
                Integer.parseInt(values.getOrDefault("embargo-bars", "0")),
                values.getOrDefault("space", "thresholds"),
                search,
                seed,
                values.getOrDefault("score", "return"),
                Integer.parseInt(values.getOrDefault("min-trades", "10")),
                Path.of(values.getOrDefault("out", "target/walk-forward")),
                values.getOrDefault("run-id", "wf-" + search + "-" + seed));
    }
}
