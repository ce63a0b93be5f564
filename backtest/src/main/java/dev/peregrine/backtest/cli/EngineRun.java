package dev.peregrine.backtest.cli;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.BacktestEngine;
import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.CandleFeed;
import dev.peregrine.backtest.engine.InstrumentRules;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.value.Symbol;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One backtest as the command line runs it: the inputs checked first (files, configuration, dates, the symbols'
 * trading rules) so that a mistake is a one-line {@link UsageException} before any work, then the engine over the
 * candles with the progress bar.
 */
final class EngineRun {

    private EngineRun() {}

    /** The engine configuration: the services' defaults, overridden by the file's keys when there is a file. */
    static BacktestConfig configuration(BacktestOptions options) {
        BacktestConfig defaults = BacktestConfig.serviceDefaults();
        return options.config()
                .map(file -> ConstraintCheck.valid(RecordOverrides.apply(defaults, ConfigFile.read(file))))
                .orElse(defaults);
    }

    /** The engine's result and the seconds the engine itself took (reading the files excluded). */
    record Outcome(BacktestResult result, double engineSeconds) {}

    static Outcome run(BacktestOptions options, BacktestConfig config, PrintStream err, boolean terminal) {
        Map<String, Path> files = KlineFiles.locate(options.dataDir(), options.symbols(), options.interval());
        Instant from = options.from().map(EngineRun::startOf).orElse(Instant.MIN);
        Instant to = options.to().map(day -> startOf(day.plusDays(1))).orElse(Instant.MAX);
        List<KlineSeries> series = new ArrayList<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            KlineSeries one = KlineSeries.read(file.getValue(), from, to, Integer.MAX_VALUE);
            if (one.candles().isEmpty()) {
                throw new UsageException("no " + file.getKey() + " candles in the period asked for: " + file.getValue()
                        + " covers " + coverage(file.getValue()));
            }
            series.add(one);
        }
        List<Symbol> symbols = series.stream().map(KlineSeries::symbol).toList();
        List<InstrumentUpdated> instruments = InstrumentRules.of(config.instrumentsSnapshot(), symbols);
        Set<String> known = instruments.stream().map(i -> i.symbol().value()).collect(Collectors.toSet());
        List<String> unknown =
                options.symbols().stream().filter(s -> !known.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new UsageException("no trading rules for " + String.join(", ", unknown) + " in the instruments "
                    + "snapshot " + config.instrumentsSnapshot() + " (configuration key instruments-snapshot)");
        }
        List<CandleClosed> candles = CandleFeed.of(series, config.quality());
        ProgressBar bar = new ProgressBar(err, terminal, System::nanoTime, candles.size());
        long started = System.nanoTime();
        bar.update(0);
        try {
            BacktestResult result =
                    new BacktestEngine(config).run(instruments, new ProgressList<>(candles, bar::update));
            return new Outcome(result, (System.nanoTime() - started) / 1e9);
        } finally {
            bar.finish();
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String coverage(Path file) {
        KlineSeries whole = KlineSeries.read(file);
        return whole.candles().isEmpty()
                ? "no candles at all"
                : whole.candles().getFirst().openTime() + " to "
                        + whole.candles().getLast().closeTime();
    }
}
