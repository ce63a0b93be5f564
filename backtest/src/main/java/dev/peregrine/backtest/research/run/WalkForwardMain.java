package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.cli.UsageException;
import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.report.WalkForwardPage;
import dev.peregrine.backtest.report.WalkForwardResultsMain;
import dev.peregrine.backtest.research.export.CandidateSpace;
import dev.peregrine.backtest.research.export.ServiceConfigExport;
import dev.peregrine.backtest.research.objective.EngineObjective;
import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.OverfittingCheck;
import dev.peregrine.backtest.research.optimiser.RunStore;
import dev.peregrine.backtest.research.optimiser.WalkForwardOptimiser;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.GeneticSearch;
import dev.peregrine.backtest.research.search.GridSearch;
import dev.peregrine.backtest.research.search.ParameterSearch;
import dev.peregrine.backtest.research.search.ParameterSpace;
import dev.peregrine.backtest.research.walkforward.HoldoutSplit;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import dev.peregrine.backtest.research.walkforward.WindowScheme;
import dev.peregrine.common.value.Interval;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Walk-forward optimisation of the services' settings on the backtest engine, from the command line:
 * {@code java -cp <backtest classpath> dev.peregrine.backtest.research.run.WalkForwardMain --symbols BTCUSDT
 * --from 2023-01-02 --to 2025-06-30 --space thresholds --search grid}. The last 25 % of the data is held out and
 * never read; folds are cut from the rest. Writes {@code <out>/<run-id>.json} (every fold's choice, in- and
 * out-of-sample figures, PBO, DSR), {@code <out>/<run-id>.html} (the results page, {@code WalkForwardPage}) and
 * {@code <out>/<run-id>-chosen.yml} (the last fold's choice as the services'
 * configuration), and prints the out-of-sample summary.
 */
public final class WalkForwardMain {

    /** Candles before a window the indicators warm up on: signal-service's rebuild minimum (221) with a margin. */
    static final int WARM_UP_BARS = 300;

    private WalkForwardMain() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), Clock.systemUTC(), System.out, System.err));
    }

    /**
     * The command line: {@code --help} prints the options, 0; a mistake in what was asked, one line on {@code err}
     * saying what to change, 2; a failure while running, 1.
     */
    static int run(List<String> args, Clock clock, PrintStream out, PrintStream err) {
        if (WalkForwardOptions.wantsHelp(args)) {
            out.print(WalkForwardOptions.HELP);
            return 0;
        }
        try {
            Path defaultData = Path.of("..", "shared", "data", "binance", "klines");
            WalkForwardRun run = run(WalkForwardOptions.parse(args, defaultData), clock, out);
            out.println("stored " + run.runId());
            return 0;
        } catch (UsageException e) {
            err.println("walk-forward: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("walk-forward: failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    static WalkForwardRun run(WalkForwardOptions options, Clock clock, PrintStream out) {
        Duration bar = Interval.fromCode(options.interval()).length();
        List<KlineSeries> series = load(options);
        TimeWindow range = rangeOf(series);
        Duration horizon = bar.multipliedBy(options.horizonBars());
        HoldoutSplit split = HoldoutSplit.lastQuarter(range, horizon);
        WalkForwardPlan plan = new WalkForwardPlan(
                Duration.ofDays(options.trainDays()),
                Duration.ofDays(options.testDays()),
                horizon,
                bar.multipliedBy(options.embargoBars()),
                WindowScheme.ROLLING);
        EngineObjective objective = new EngineObjective(
                BacktestConfig.serviceDefaults(),
                series,
                bar.multipliedBy(WARM_UP_BARS),
                EngineObjective.Score.valueOf(options.score().toUpperCase(Locale.ROOT)),
                options.minTrades());
        out.printf("data %s; holdout from %s (never read); fitting %s%n", range, split.holdoutStart(), split.fitting());
        out.println("fold  in-sample  out-of-sample  oos-trades  pbo    chosen");
        WalkForwardRun run = new WalkForwardOptimiser(search(options), objective, OverfittingCheck.defaults(), clock)
                .run(options.runId(), space(options.space()), split, plan, fold -> printFold(fold, out));
        Path stored = new RunStore(options.out()).write(run);
        WalkForwardPage.write(List.of(run), WalkForwardResultsMain.pageBeside(stored, run.runId()));
        writeChosen(options, run);
        print(run, out);
        return run;
    }

    static List<KlineSeries> load(WalkForwardOptions options) {
        Instant from = options.from()
                .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(Instant.MIN);
        Instant to = options.to()
                .map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(Instant.MAX);
        return options.symbols().stream()
                .map(symbol -> {
                    Path file = options.dataDir().resolve(symbol + "-" + options.interval() + ".csv.gz");
                    if (!Files.isReadable(file)) {
                        throw new UsageException(
                                "no kline file " + file + "; check --data-dir, --symbols and --interval");
                    }
                    return KlineSeries.read(file, from, to, Integer.MAX_VALUE);
                })
                .toList();
    }

    /** From the earliest first candle's open to the latest candle's end across the series. */
    static TimeWindow rangeOf(List<KlineSeries> series) {
        Instant start = series.stream()
                .filter(s -> !s.candles().isEmpty())
                .map(s -> s.candles().getFirst().openTime())
                .min(Instant::compareTo)
                .orElseThrow(() -> new UsageException("no candles between --from and --to in the files"));
        // a kline's close time is the last millisecond inside it: the series ends one interval after the last open
        Instant end = series.stream()
                .filter(s -> !s.candles().isEmpty())
                .map(s -> s.candles().getLast().openTime().plus(s.interval().length()))
                .max(Instant::compareTo)
                .orElseThrow();
        return new TimeWindow(start, end);
    }

    private static ParameterSpace space(String name) {
        return switch (name) {
            case "agreeing" ->
                new ParameterSpace(
                        List.of(CandidateSpace.thresholds().parameters().getFirst()));
            case "thresholds" -> CandidateSpace.thresholds();
            case "pause" -> CandidateSpace.pause();
            case "engine" -> CandidateSpace.engineApplicable();
            default -> throw new UsageException("--space is agreeing, thresholds, pause or engine, not " + name);
        };
    }

    private static ParameterSearch search(WalkForwardOptions options) {
        return switch (options.search()) {
            case "grid" -> new GridSearch(500);
            case "genetic" -> GeneticSearch.withSeed(options.seed());
            default -> throw new UsageException("--search is grid or genetic, not " + options.search());
        };
    }

    private static void writeChosen(WalkForwardOptions options, WalkForwardRun run) {
        FoldResult last = run.folds().getLast();
        String yaml = ServiceConfigExport.yaml(
                last.chosen(),
                "walk-forward run " + run.runId() + ", fold " + last.index() + " (trained " + last.train()
                        + "); judge it by the run's out-of-sample figures");
        try {
            Files.writeString(options.out().resolve(run.runId() + "-chosen.yml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printFold(FoldResult f, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%4d  %9.4f  %13.4f  %10d  %5s  %s%n",
                f.index(),
                f.inSample().score(),
                f.outOfSample().score(),
                f.outOfSample().trades().count(),
                f.pbo() == null
                        ? "-"
                        : String.format(Locale.ROOT, "%.2f", f.pbo().probabilityOfOverfitting()),
                f.chosen());
    }

    private static void print(WalkForwardRun run, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "out of sample (the result): %d trades, hit rate %.3f, mean %.5f, total %.4f; "
                        + "mean score in sample %.4f vs out of sample %.4f%n",
                run.outOfSample().count(),
                run.outOfSample().hitRate(),
                run.outOfSample().mean(),
                run.outOfSample().total(),
                run.meanInSampleScore(),
                run.meanOutOfSampleScore());
    }
}
