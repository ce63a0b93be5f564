package dev.peregrine.backtest.research.optimiser;

import dev.peregrine.backtest.research.search.ParameterSpace;
import dev.peregrine.backtest.research.stats.ReturnStats;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored walk-forward optimisation. Only {@code outOfSample} and the folds' {@code outOfSample} are results; the
 * in-sample figures are kept to show how much of the search's edge survives out of sample.
 *
 * @param runId                  names the run and its file
 * @param createdAt              when it ran (from the injected clock)
 * @param space                  the declared parameter space
 * @param search                 the search and its settings, seed included
 * @param fittingRange           the data folds were cut from (the holdout excluded)
 * @param holdoutStart           where the untouched holdout begins; nothing here read it
 * @param plan                   fold lengths, label horizon, embargo, scheme
 * @param folds                  per fold, in time order
 * @param outOfSample            all test-window trades together: the run's result
 * @param meanInSampleScore      mean of the folds' in-sample best scores
 * @param meanOutOfSampleScore   mean of the same assignments' test-window scores
 * @param outOfSampleProbabilisticSharpe PSR (against 0) of the test-window trades together, null below 2 trades
 */
public record WalkForwardRun(
        String runId,
        Instant createdAt,
        ParameterSpace space,
        Map<String, String> search,
        TimeWindow fittingRange,
        Instant holdoutStart,
        WalkForwardPlan plan,
        List<FoldResult> folds,
        ReturnStats outOfSample,
        double meanInSampleScore,
        double meanOutOfSampleScore,
        Double outOfSampleProbabilisticSharpe) {

    public WalkForwardRun {
        folds = List.copyOf(folds);
    }
}
