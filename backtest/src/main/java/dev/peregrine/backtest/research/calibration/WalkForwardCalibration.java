package dev.peregrine.backtest.research.calibration;

import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Refits a calibrator walk-forward: on each fold it is fitted on the signals of the training window only and applied
 * to the signals of the test window; only those test-window predictions are scored. The skill's reference is each
 * fold's training base rate (what one would have predicted without a model, known at the time), never the judged
 * sample's own hit rate.
 */
public final class WalkForwardCalibration {

    private WalkForwardCalibration() {}

    public static CalibrationReport run(
            List<ScoredOutcome> signals,
            List<WalkForwardWindow> windows,
            CalibratorFitter fitter,
            int reliabilityBins) {
        return run(FoldSignals.shared(signals, windows), fitter, reliabilityBins);
    }

    /** As {@link #run(List, List, CalibratorFitter, int)}, each fold with the signals of its own configuration. */
    public static CalibrationReport run(List<FoldSignals> foldSignals, CalibratorFitter fitter, int reliabilityBins) {
        List<Prediction> all = new ArrayList<>();
        List<CalibrationReport.Fold> folds = new ArrayList<>();
        double referenceSquares = 0;
        for (FoldPredictions fold : folds(foldSignals, fitter)) {
            if (fold.predictions().isEmpty()) {
                folds.add(new CalibrationReport.Fold(fold.index(), fold.train(), fold.test(), null, null, null));
                continue;
            }
            List<Prediction> predictions = fold.predictions();
            all.addAll(predictions);
            referenceSquares += BrierScore.ofConstant(predictions, fold.baseRate()) * predictions.size();
            folds.add(new CalibrationReport.Fold(
                    fold.index(),
                    fold.train(),
                    fold.test(),
                    fold.baseRate(),
                    BrierScore.of(predictions),
                    BrierScore.skill(predictions, fold.baseRate())));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no fold had both training and test signals");
        }
        double brier = BrierScore.of(all);
        double reference = referenceSquares / all.size();
        double skill = reference == 0.0 ? Double.NaN : 1.0 - brier / reference;
        return new CalibrationReport(
                folds,
                all.size(),
                BrierScore.hitRate(all),
                brier,
                reference,
                skill,
                ReliabilityTable.of(all, reliabilityBins));
    }

    /** Every test-window prediction of the walk-forward refit, fold after fold (for tables beyond the report). */
    public static List<Prediction> outOfSample(
            List<ScoredOutcome> signals, List<WalkForwardWindow> windows, CalibratorFitter fitter) {
        return outOfSample(FoldSignals.shared(signals, windows), fitter);
    }

    /** Every test-window prediction, each fold with the signals of its own configuration. */
    public static List<Prediction> outOfSample(List<FoldSignals> foldSignals, CalibratorFitter fitter) {
        return folds(foldSignals, fitter).stream()
                .flatMap(f -> f.predictions().stream())
                .toList();
    }

    /** Per fold: fitted on the training window's signals, applied to the test window's; none when either is empty. */
    private static List<FoldPredictions> folds(List<FoldSignals> foldSignals, CalibratorFitter fitter) {
        List<FoldPredictions> folds = new ArrayList<>();
        for (FoldSignals fold : foldSignals) {
            WalkForwardWindow window = fold.window();
            List<ScoredOutcome> signals = fold.signals();
            List<ScoredOutcome> train = signals.stream()
                    .filter(s -> window.train().contains(s.at()))
                    .toList();
            List<ScoredOutcome> test =
                    signals.stream().filter(s -> window.test().contains(s.at())).toList();
            if (train.isEmpty() || test.isEmpty()) {
                folds.add(new FoldPredictions(window.index(), train.size(), test.size(), 0.0, List.of()));
                continue;
            }
            Calibrator calibrator = fitter.fit(train);
            double baseRate =
                    train.stream().mapToDouble(ScoredOutcome::outcome).average().orElseThrow();
            List<Prediction> predictions = test.stream()
                    .map(s -> new Prediction(calibrator.probability(s.score()), s.hit()))
                    .toList();
            folds.add(new FoldPredictions(window.index(), train.size(), test.size(), baseRate, predictions));
        }
        return folds;
    }

    private record FoldPredictions(int index, int train, int test, double baseRate, List<Prediction> predictions) {}
}
