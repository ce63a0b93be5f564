package dev.peregrine.backtest.research.optimiser;

import dev.peregrine.backtest.research.overfitting.DeflatedSharpe;
import dev.peregrine.backtest.research.overfitting.PboResult;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import java.util.List;

/**
 * One walk-forward fold: what the search chose on the training window and how that did on the test window.
 *
 * @param index          fold number
 * @param train          the training window
 * @param test           the test window
 * @param trials         distinct assignments evaluated on the training window
 * @param chosen         the in-sample best
 * @param inSample       its training-window figures (for the in- vs out-of-sample comparison, not a result)
 * @param outOfSample    its test-window figures: the result
 * @param pbo            CSCV over the fold's trials on its training window, null when not computable
 * @param deflatedSharpe DSR of the chosen trial in sample, null when not computable
 * @param trialScores    every trial's in-sample score, in evaluation order (the parameter surface); empty in runs
 *                       stored before trials were kept
 */
public record FoldResult(
        int index,
        TimeWindow train,
        TimeWindow test,
        int trials,
        ParameterAssignment chosen,
        Performance inSample,
        Performance outOfSample,
        PboResult pbo,
        DeflatedSharpe.Result deflatedSharpe,
        List<TrialScore> trialScores) {

    public FoldResult {
        trialScores = trialScores == null ? List.of() : List.copyOf(trialScores);
    }
}
