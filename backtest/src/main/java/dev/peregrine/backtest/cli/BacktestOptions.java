package dev.peregrine.backtest.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the user asked the backtest command line for.
 *
 * @param from    first UTC day included; empty = from the files' first candle
 * @param to      last UTC day included; empty = to the files' last candle
 * @param config  YAML file overriding the engine configuration's defaults; empty = the defaults
 */
public record BacktestOptions(
        List<String> symbols,
        String interval,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        Optional<Path> config,
        Path out,
        Path dataDir) {

    public static final String DEFAULT_INTERVAL = "15m";
    public static final Path DEFAULT_OUT = Path.of("build", "backtest", "latest");
    public static final Path DEFAULT_DATA_DIR = Path.of("..", "shared", "data", "binance", "klines");

    public BacktestOptions {
        symbols = List.copyOf(symbols);
    }
}
