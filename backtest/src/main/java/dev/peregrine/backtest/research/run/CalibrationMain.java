package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.BacktestEngine;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.research.calibration.CalibrationReport;
import dev.peregrine.backtest.research.calibration.CalibratorFitter;
import dev.peregrine.backtest.research.calibration.IsotonicCalibrator;
import dev.peregrine.backtest.research.calibration.PlattCalibrator;
import dev.peregrine.backtest.research.calibration.ReliabilityTable;
import dev.peregrine.backtest.research.calibration.ScoredOutcome;
import dev.peregrine.backtest.research.calibration.WalkForwardCalibration;
import dev.peregrine.backtest.research.walkforward.HoldoutSplit;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import dev.peregrine.backtest.research.walkforward.WalkForwardSplitter;
import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import dev.peregrine.backtest.research.walkforward.WindowScheme;
import dev.peregrine.common.value.Interval;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How well the validation's confidence predicts a hit, and whether a walk-forward refit calibrator does better:
 * runs the backtest engine (services' defaults) on the candles before the holdout (the last 25 %, never read), labels
 * each signal by its forward return after costs ({@link SignalOutcomes}), and scores three predictors on the test
 * windows only: the raw confidence, isotonic regression and Platt scaling, each refitted on every training window.
 * Same options as {@link WalkForwardMain} (the search options are not used); writes
 * {@code <out>/<run-id>-calibration.json}.
 */
public final class CalibrationMain {

    private static final int RELIABILITY_BINS = 10;

    private CalibrationMain() {}

    public static void main(String[] args) {
        Path defaultData = Path.of("..", "shared", "data", "binance", "klines");
        run(WalkForwardOptions.parse(List.of(args), defaultData), System.out);
    }

    static Map<String, CalibrationReport> run(WalkForwardOptions options, PrintStream out) {
        Duration bar = Interval.fromCode(options.interval()).length();
        List<KlineSeries> series = WalkForwardMain.load(options);
        HoldoutSplit split =
                HoldoutSplit.lastQuarter(WalkForwardMain.rangeOf(series), bar.multipliedBy(options.horizonBars()));
        Instant holdout = split.holdoutStart();
        List<KlineSeries> beforeHoldout = series.stream()
                .map(s -> new KlineSeries(
                        s.symbol(),
                        s.interval(),
                        s.candles().stream()
                                .filter(c -> c.openTime().isBefore(holdout))
                                .toList()))
                .toList();
        List<ScoredOutcome> signals = SignalOutcomes.of(
                new BacktestEngine(BacktestConfig.serviceDefaults()).run(beforeHoldout), options.horizonBars());
        List<WalkForwardWindow> folds = new WalkForwardSplitter(new WalkForwardPlan(
                        Duration.ofDays(options.trainDays()),
                        Duration.ofDays(options.testDays()),
                        split.labelHorizon(),
                        bar.multipliedBy(options.embargoBars()),
                        WindowScheme.ROLLING))
                .split(split.fitting());
        Map<String, CalibratorFitter> fitters = new LinkedHashMap<>();
        fitters.put("raw-confidence", training -> score -> Math.max(0.0, Math.min(1.0, score)));
        fitters.put("isotonic", IsotonicCalibrator::fit);
        fitters.put("platt", training -> PlattCalibrator.fit(training, true));
        Map<String, CalibrationReport> reports = new LinkedHashMap<>();
        out.printf("%d labelled signals before the holdout (%s); %d folds%n", signals.size(), holdout, folds.size());
        fitters.forEach((name, fitter) -> {
            CalibrationReport report = WalkForwardCalibration.run(signals, folds, fitter, RELIABILITY_BINS);
            reports.put(name, report);
            print(name, report, out);
        });
        write(options.out().resolve(options.runId() + "-calibration.json"), reports);
        return reports;
    }

    private static void print(String name, CalibrationReport report, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%s, out of sample: %d signals, hit rate %.4f, Brier %.5f, reference %.5f, skill %.5f%n",
                name,
                report.predictions(),
                report.hitRate(),
                report.brier(),
                report.referenceBrier(),
                report.brierSkill());
        for (ReliabilityTable.Bin bin : report.reliability().bins()) {
            if (bin.count() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  [%.1f, %.1f) %7d  predicted %.3f  observed %.3f%n",
                        bin.lower(),
                        bin.upper(),
                        bin.count(),
                        bin.meanPredicted(),
                        bin.observedFrequency());
            }
        }
    }

    private static void write(Path file, Map<String, CalibrationReport> reports) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    JsonMapper.builder()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .build()
                            .writeValueAsString(reports));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
