package dev.peregrine.backtest.research.optimiser;

import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.search.Trial;
import java.util.Objects;

/**
 * One evaluated trial of a fold's search as stored with the run: its assignment and its training-window score.
 * Kept for every trial, not only the chosen one, so the results page can draw the in-sample parameter surface the
 * search actually saw (a diagnostic of how flat or peaked the optimum is, never a result).
 *
 * @param parameters the assignment
 * @param score      its in-sample (training-window) score
 * @param trades     its in-sample closed trades
 */
public record TrialScore(ParameterAssignment parameters, double score, int trades) {

    public TrialScore {
        Objects.requireNonNull(parameters, "parameters");
    }

    public static TrialScore of(Trial trial) {
        return new TrialScore(
                trial.parameters(),
                trial.evaluation().score(),
                trial.evaluation().trades().size());
    }
}
