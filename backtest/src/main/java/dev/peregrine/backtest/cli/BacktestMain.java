package dev.peregrine.backtest.cli;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.report.EngineResults;
import dev.peregrine.backtest.report.ReportData;
import dev.peregrine.backtest.report.ReportFiles;
import dev.peregrine.backtest.report.Summary;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The backtest command line ({@code ./backtest.sh}, docs/backtesting.md): options, configuration, the engine over the
 * kline files, then the report's five files. Exit code 0 when done, 2 for a mistake in what was asked (one line on
 * stderr, no stack trace), 1 for a failure while running.
 */
public final class BacktestMain {

    /** Set by backtest.sh: whether stderr is a terminal (the progress bar is drawn only there). */
    static final String TERMINAL_PROPERTY = "backtest.terminal";

    private BacktestMain() {}

    public static void main(String[] args) {
        boolean terminal =
                Boolean.parseBoolean(System.getProperty(TERMINAL_PROPERTY, String.valueOf(System.console() != null)));
        System.exit(run(args, System.out, System.err, terminal));
    }

    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        try {
            Optional<BacktestOptions> parsed = OptionParser.parse(args);
            if (parsed.isEmpty()) {
                out.print(OptionParser.HELP);
                return 0;
            }
            BacktestOptions options = parsed.get();
            BacktestConfig config = EngineRun.configuration(options);
            long started = System.nanoTime();
            EngineRun.Outcome outcome = EngineRun.run(options, config, err, terminal);
            ReportData data = EngineResults.toReport(
                    outcome.result(),
                    options.symbols(),
                    options.interval(),
                    options.config().map(Object::toString).orElse("service defaults"));
            ReportFiles.write(data, options.out());
            err.println(summaryLine(data, (System.nanoTime() - started) / 1e9, outcome.engineSeconds(), options));
            return 0;
        } catch (UsageException e) {
            err.println("backtest: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("backtest: failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    private static String summaryLine(ReportData data, double seconds, double engineSeconds, BacktestOptions options) {
        Summary s = Summary.of(data);
        return String.format(
                Locale.ROOT,
                "backtest: %,d candles of %s %s in %.1f s (engine %,.0f candles/s): return %.2f %%, "
                        + "max drawdown %.2f %%, %d trades; %s written to %s",
                data.run().candles(),
                String.join(",", data.run().symbols()),
                data.run().interval(),
                seconds,
                engineSeconds > 0 ? data.run().candles() / engineSeconds : 0.0,
                s.totalReturn() * 100,
                s.maxDrawdown() * 100,
                s.trades(),
                String.join(", ", ReportFiles.NAMES),
                options.out());
    }
}
