package dev.peregrine.backtest.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the backtest command line ({@code --name value} or {@code --name=value}); every mistake is a
 * {@link UsageException} that names the option and what was wrong with it.
 */
public final class OptionParser {

    /** Binance's kline intervals, the ones a kline file can be named with. */
    static final Set<String> INTERVALS =
            Set.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M");

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Set<String> VALUED =
            Set.of("--symbols", "--interval", "--from", "--to", "--config", "--out", "--data-dir");

    public static final String HELP = """
            Usage: ./backtest.sh [run] --symbols SYM[,SYM...] [options]
            Replays Binance kline files through the services' own signal, risk and paper-venue code and writes
            report.html, trades.json, trades.csv, equity.json and equity.csv (docs/backtesting.md).

              --symbols A,B      symbols to trade, e.g. BTCUSDT,ETHUSDT (required)
              --interval I       kline interval of the files (default 15m)
              --from YYYY-MM-DD  first UTC day included (default: the files' first candle)
              --to YYYY-MM-DD    last UTC day included (default: the files' last candle)
              --config FILE      YAML file overriding the engine configuration's defaults
              --out DIR          output directory, created if missing (default build/backtest/latest)
              --data-dir DIR     folder of the kline files SYMBOL-INTERVAL.csv.gz
                                 (default ../shared/data/binance/klines)
              --help             this text

            Exit codes: 0 done, 2 bad option, date, symbol, file or configuration key, 1 failure while running.
            """;

    private OptionParser() {}

    /** The options, or empty when the user asked for help. */
    public static Optional<BacktestOptions> parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return Optional.empty();
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!VALUED.contains(name)) {
                throw new UsageException("unknown option " + name + " (./backtest.sh run --help lists the options)");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            if (values.put(name, value) != null) {
                throw new UsageException("option " + name + " given twice");
            }
        }
        String symbolList = values.get("--symbols");
        if (symbolList == null) {
            throw new UsageException("option --symbols is required, e.g. --symbols BTCUSDT,ETHUSDT");
        }
        String interval = values.getOrDefault("--interval", BacktestOptions.DEFAULT_INTERVAL);
        if (!INTERVALS.contains(interval)) {
            throw new UsageException("--interval " + interval + " is not a Binance kline interval (e.g. 15m, 1h)");
        }
        Optional<LocalDate> from = date(values, "--from");
        Optional<LocalDate> to = date(values, "--to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new UsageException("--to " + to.get() + " is before --from " + from.get());
        }
        return Optional.of(new BacktestOptions(
                symbols(symbolList),
                interval,
                from,
                to,
                Optional.ofNullable(values.get("--config")).map(Path::of),
                Optional.ofNullable(values.get("--out")).map(Path::of).orElse(BacktestOptions.DEFAULT_OUT),
                Optional.ofNullable(values.get("--data-dir")).map(Path::of).orElse(BacktestOptions.DEFAULT_DATA_DIR)));
    }

    private static List<String> symbols(String list) {
        Set<String> symbols = new LinkedHashSet<>();
        for (String raw : list.split(",", -1)) {
            String symbol = raw.trim().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(symbol).matches()) {
                throw new UsageException(
                        "--symbols: '" + raw.trim() + "' is not a symbol (letters and digits, e.g. BTCUSDT)");
            }
            if (!symbols.add(symbol)) {
                throw new UsageException("--symbols: " + symbol + " given twice");
            }
        }
        return new ArrayList<>(symbols);
    }

    private static Optional<LocalDate> date(Map<String, String> values, String name) {
        String text = values.get(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " '" + text + "' is not a date YYYY-MM-DD");
        }
    }
}
