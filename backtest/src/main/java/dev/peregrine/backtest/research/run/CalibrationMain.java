package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.cli.UsageException;
import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.BacktestEngine;
import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.research.calibration.CalibrationReport;
import dev.peregrine.backtest.research.calibration.CalibratorFitter;
import dev.peregrine.backtest.research.calibration.FoldSignals;
import dev.peregrine.backtest.research.calibration.GradeTable;
import dev.peregrine.backtest.research.calibration.IsotonicCalibrator;
import dev.peregrine.backtest.research.calibration.PlattCalibrator;
import dev.peregrine.backtest.research.calibration.ScoredOutcome;
import dev.peregrine.backtest.research.calibration.WalkForwardCalibration;
import dev.peregrine.backtest.research.objective.ServiceKeyOverrides;
import dev.peregrine.backtest.research.optimiser.RunStore;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.walkforward.HoldoutSplit;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import dev.peregrine.backtest.research.walkforward.WalkForwardSplitter;
import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import dev.peregrine.backtest.research.walkforward.WindowScheme;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.value.Interval;
import dev.peregrine.signal.config.CalibrationFile;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.calibration.CalibrationMethod;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import dev.peregrine.signal.domain.calibration.GradeCutoffs;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How well the validation's confidence predicts a hit, and whether a walk-forward refit calibrator does better: runs
 * the backtest engine (services' defaults, uncalibrated) on the candles before the holdout (the last 25 %, never
 * read), labels each signal by its forward return after costs ({@link SignalOutcomes}), and scores three predictors
 * on the test windows only: the raw confidence, isotonic regression and Platt scaling, each refitted on every
 * training window; with each, the hit rate per grade (raw: the bands on strength; calibrated: {@link GradeCutoffs}'
 * defaults) and whether the grades are monotone. {@code --export FILE} writes the calibration signal-service loads,
 * fitted on every labelled signal before the holdout (never on the holdout). {@code --from-run FILE} scores a stored
 * walk-forward run's choice instead of the defaults: each fold on the signals of the assignment it chose on its
 * training window ({@link ChosenConfigurationSignals}). Writes {@code <out>/<run-id>-calibration.json}.
 */
public final class CalibrationMain {

    /** What {@code ./backtest.sh calibrate --help} prints. */
    public static final String HELP = """
            usage: ./backtest.sh calibrate [--key value ...]
            Walk-forward calibration of the validation's confidence (strength / 100) on the backtest engine. The last
            25 % of the data is held out and never read; folds are cut from the rest; a calibrator is fitted on each
            training window and scored on its test window only: reliability table, Brier score and skill against the
            training base rate, hit rate per grade and whether the grades are monotone.
            options (default):
              --data-dir DIR       folder of SYMBOL-INTERVAL.csv.gz kline files (../shared/data/binance/klines)
              --symbols A,B        symbols run together (BTCUSDT,ETHUSDT,SOLUSDT,BNBUSDT,XRPUSDT)
              --interval I         kline interval (15m)
              --from YYYY-MM-DD    first UTC day (the files' start)
              --to YYYY-MM-DD      last UTC day, inclusive (the files' end)
              --train-days N       training window (120)
              --test-days N        test window, also the step (30)
              --horizon-bars N     outcome horizon and purge, in candles (16)
              --embargo-bars N     extra gap after each test window, in candles (0)
              --out DIR            where RUN-ID-calibration.json goes (target/walk-forward)
              --run-id ID          the run's name (wf-grid-1)
              --method M           isotonic | platt: what --export fits (isotonic)
              --from-run FILE      calibrate a stored walk-forward run's choice (WalkForwardMain's RUN-ID.json)
                                   instead of the defaults: each fold's signals come from the engine under the
                                   assignment that fold chose on its training window; the run's own folds are used
                                   (--train-days/--test-days ignored); not with --export
              --export FILE        also write the calibration signal-service loads
                                   (peregrine.signal.validation.calibration-file), fitted on all signals before the
                                   holdout; none by default
              --help               this text
            exit codes: 0 done, 2 a mistake in what was asked (the message says which), 1 a failure while running
            details: docs/signal-validation.md, section "Calibrated confidence"; results: docs/research.md
            """;

    private static final int RELIABILITY_BINS = 10;
    /** Grades with fewer out-of-sample signals are too noisy to rank (left out of the monotonicity check). */
    static final int MIN_GRADE_SIGNALS = 100;

    private CalibrationMain() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** {@code --help}: 0; a mistake in what was asked: one line on {@code err}, 2; a failure while running: 1. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return 0;
        }
        try {
            List<String> rest = new ArrayList<>(args);
            Optional<Path> export = take(rest, "--export").map(Path::of);
            Optional<Path> fromRun = take(rest, "--from-run").map(Path::of);
            if (export.isPresent() && fromRun.isPresent()) {
                throw new UsageException("--export fits the defaults' signals; it cannot be combined with --from-run");
            }
            CalibrationMethod method = method(take(rest, "--method").orElse("isotonic"));
            Path defaultData = Path.of("..", "shared", "data", "binance", "klines");
            WalkForwardOptions options = WalkForwardOptions.parse(rest, defaultData);
            if (fromRun.isPresent()) {
                runChosen(options, readRun(fromRun.get()), out);
            } else {
                run(options, method, export, out);
            }
            return 0;
        } catch (UsageException e) {
            err.println("calibrate: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("calibrate: failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    static Map<String, CalibrationReport> run(
            WalkForwardOptions options, CalibrationMethod method, Optional<Path> export, PrintStream out) {
        Duration bar = Interval.fromCode(options.interval()).length();
        List<KlineSeries> series = WalkForwardMain.load(options);
        HoldoutSplit split =
                HoldoutSplit.lastQuarter(WalkForwardMain.rangeOf(series), bar.multipliedBy(options.horizonBars()));
        Instant holdout = split.holdoutStart();
        List<KlineSeries> beforeHoldout = beforeHoldout(series, holdout);
        BacktestResult result = new BacktestEngine(BacktestConfig.serviceDefaults()).run(beforeHoldout);
        List<ScoredOutcome> signals = SignalOutcomes.of(result, options.horizonBars());
        List<WalkForwardWindow> folds = new WalkForwardSplitter(new WalkForwardPlan(
                        Duration.ofDays(options.trainDays()),
                        Duration.ofDays(options.testDays()),
                        split.labelHorizon(),
                        bar.multipliedBy(options.embargoBars()),
                        WindowScheme.ROLLING))
                .split(split.fitting());
        out.printf("%d labelled signals before the holdout (%s); %d folds%n", signals.size(), holdout, folds.size());
        Map<String, CalibrationReport> reports = score(FoldSignals.shared(signals, folds), options, out);
        export.ifPresent(file -> {
            ConfidenceCalibration calibration = CalibrationExport.fit(
                    signals, method, holdout, outcome(options.horizonBars()), options.horizonBars());
            CalibrationFile.write(calibration, file);
            out.printf(
                    "exported %s to %s (fitted on %d signals before %s; the holdout was not read)%n",
                    calibration.version(), file, calibration.signals(), holdout);
        });
        return reports;
    }

    /**
     * Calibration of a stored walk-forward run's chosen configuration: the engine runs once per distinct chosen
     * assignment on the candles before the holdout, each fold is scored on the signals of its own choice.
     */
    static Map<String, CalibrationReport> runChosen(WalkForwardOptions options, WalkForwardRun run, PrintStream out) {
        Duration bar = Interval.fromCode(options.interval()).length();
        List<KlineSeries> series = WalkForwardMain.load(options);
        HoldoutSplit split =
                HoldoutSplit.lastQuarter(WalkForwardMain.rangeOf(series), bar.multipliedBy(options.horizonBars()));
        List<KlineSeries> beforeHoldout = beforeHoldout(series, split.holdoutStart());
        List<FoldSignals> folds = ChosenConfigurationSignals.of(run, split.holdoutStart(), assignment -> {
            BacktestConfig config = ServiceKeyOverrides.apply(BacktestConfig.serviceDefaults(), assignment);
            List<ScoredOutcome> signals =
                    SignalOutcomes.of(new BacktestEngine(config).run(beforeHoldout), options.horizonBars());
            out.printf("%s: %d labelled signals before the holdout%n", assignment.values(), signals.size());
            return signals;
        });
        out.printf(
                "run %s: each of %d folds calibrated on its chosen configuration (holdout %s not read)%n",
                run.runId(), folds.size(), split.holdoutStart());
        return score(folds, options, out);
    }

    /** Raw confidence, isotonic and Platt, each refitted per fold; printed and written to the run's JSON. */
    private static Map<String, CalibrationReport> score(
            List<FoldSignals> folds, WalkForwardOptions options, PrintStream out) {
        Map<String, CalibratorFitter> fitters = new LinkedHashMap<>();
        fitters.put("raw-confidence", training -> score -> Math.max(0.0, Math.min(1.0, score)));
        fitters.put("isotonic", IsotonicCalibrator::fit);
        fitters.put("platt", training -> PlattCalibrator.fit(training, true));
        Map<String, CalibrationReport> reports = new LinkedHashMap<>();
        Map<String, GradeTable> grades = new LinkedHashMap<>();
        fitters.forEach((name, fitter) -> {
            CalibrationReport report = WalkForwardCalibration.run(folds, fitter, RELIABILITY_BINS);
            DoubleFunction<Grade> grader = name.equals("raw-confidence")
                    ? p -> SignalValidator.gradeOf((int) Math.round(100.0 * p))
                    : GradeCutoffs.DEFAULTS::gradeOf;
            GradeTable table =
                    GradeTable.of(WalkForwardCalibration.outOfSample(folds, fitter), grader, MIN_GRADE_SIGNALS);
            reports.put(name, report);
            grades.put(name, table);
            CalibrationPrinter.print(name, report, table, out);
        });
        write(options.out().resolve(options.runId() + "-calibration.json"), reports, grades);
        return reports;
    }

    private static List<KlineSeries> beforeHoldout(List<KlineSeries> series, Instant holdout) {
        return series.stream()
                .map(s -> new KlineSeries(
                        s.symbol(),
                        s.interval(),
                        s.candles().stream()
                                .filter(c -> c.openTime().isBefore(holdout))
                                .toList()))
                .toList();
    }

    private static WalkForwardRun readRun(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") || !Files.isRegularFile(file)) {
            throw new UsageException("--from-run is a walk-forward run's RUN-ID.json file, not " + file);
        }
        Path directory = file.toAbsolutePath().getParent();
        return new RunStore(directory).read(name.substring(0, name.length() - ".json".length()));
    }

    /** What a hit is, as {@link SignalOutcomes} labels it. */
    static String outcome(int horizonBars) {
        return "return in the signal's direction from its candle's close to the close " + horizonBars
                + " candles later, after the paper venue's round-trip fee and slippage, above 0";
    }

    private static Optional<String> take(List<String> args, String option) {
        int at = args.indexOf(option);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size()) {
            throw new UsageException("option " + option + " needs a value (./backtest.sh calibrate --help)");
        }
        String value = args.get(at + 1);
        args.remove(at + 1);
        args.remove(at);
        if (args.contains(option)) {
            throw new UsageException("option " + option + " given twice");
        }
        return Optional.of(value);
    }

    private static CalibrationMethod method(String text) {
        return switch (text) {
            case "isotonic" -> CalibrationMethod.ISOTONIC;
            case "platt" -> CalibrationMethod.PLATT;
            default -> throw new UsageException("--method is isotonic or platt, not " + text);
        };
    }

    private static void write(Path file, Map<String, CalibrationReport> reports, Map<String, GradeTable> grades) {
        Map<String, Object> document = new LinkedHashMap<>();
        reports.forEach((name, report) -> document.put(name, Map.of("report", report, "grades", grades.get(name))));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(
                    file,
                    JsonMapper.builder()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .build()
                            .writeValueAsString(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
