package dev.peregrine.backtest.research.run;

import dev.peregrine.backtest.research.calibration.FoldSignals;
import dev.peregrine.backtest.research.calibration.ScoredOutcome;
import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The signals to calibrate a stored walk-forward run's chosen configuration on: every fold keeps the run's own
 * training and test windows and gets the signals produced under the assignment the search chose on that fold's
 * training window. The signals of one assignment are produced once (the engine is slow) and shared by the folds
 * that chose it. The run must come from the same data: its holdout start must be this data's, so no fold reaches
 * the holdout.
 */
final class ChosenConfigurationSignals {

    private ChosenConfigurationSignals() {}

    /**
     * @param run          the stored walk-forward run whose per-fold choices are calibrated
     * @param holdoutStart where this data's holdout begins; the run's must be the same
     * @param signalsOf    the labelled signals before the holdout under an assignment of service keys
     */
    static List<FoldSignals> of(
            WalkForwardRun run, Instant holdoutStart, Function<ParameterAssignment, List<ScoredOutcome>> signalsOf) {
        if (!run.holdoutStart().equals(holdoutStart)) {
            throw new IllegalArgumentException("run " + run.runId() + " was cut with its holdout at "
                    + run.holdoutStart() + ", this data's holdout starts at " + holdoutStart
                    + ": rerun it on the same data, symbols and interval");
        }
        Map<ParameterAssignment, List<ScoredOutcome>> produced = new HashMap<>();
        return run.folds().stream()
                .map(fold -> new FoldSignals(
                        window(run, fold, holdoutStart), produced.computeIfAbsent(fold.chosen(), signalsOf)))
                .toList();
    }

    private static WalkForwardWindow window(WalkForwardRun run, FoldResult fold, Instant holdoutStart) {
        // the constructor refuses a training window whose labels reach the test window
        WalkForwardWindow window = new WalkForwardWindow(
                fold.index(), fold.train(), fold.test(), run.plan().labelHorizon());
        if (fold.test().to().isAfter(holdoutStart)) {
            throw new IllegalArgumentException("fold " + fold.index() + "'s test window " + fold.test()
                    + " reaches the holdout at " + holdoutStart);
        }
        return window;
    }
}
