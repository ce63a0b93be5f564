package dev.peregrine.backtest.research.calibration;

import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import java.util.List;
import java.util.Objects;

/**
 * One walk-forward fold and the signals it is judged on: when every fold's configuration is the same, all folds share
 * one list; when each fold has its own (a walk-forward run's chosen assignment), each fold carries the signals that
 * configuration produced. {@link WalkForwardCalibration} still reads only the window's training span to fit and its
 * test span to score.
 *
 * @param window  the fold's training and test windows
 * @param signals labelled signals produced under the fold's configuration (any span; filtered by the window)
 */
public record FoldSignals(WalkForwardWindow window, List<ScoredOutcome> signals) {

    public FoldSignals {
        Objects.requireNonNull(window, "window");
        signals = List.copyOf(signals);
    }

    /** Every fold judged on the same signals (one configuration for all folds). */
    public static List<FoldSignals> shared(List<ScoredOutcome> signals, List<WalkForwardWindow> windows) {
        List<ScoredOutcome> copy = List.copyOf(signals);
        return windows.stream().map(w -> new FoldSignals(w, copy)).toList();
    }
}
