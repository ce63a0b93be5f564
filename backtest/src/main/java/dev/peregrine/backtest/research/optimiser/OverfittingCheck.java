package dev.peregrine.backtest.research.optimiser;

import dev.peregrine.backtest.research.overfitting.BacktestOverfitting;
import dev.peregrine.backtest.research.overfitting.DeflatedSharpe;
import dev.peregrine.backtest.research.overfitting.PboResult;
import dev.peregrine.backtest.research.overfitting.PerformanceMatrix;
import dev.peregrine.backtest.research.search.SearchResult;
import dev.peregrine.backtest.research.search.Trial;
import dev.peregrine.backtest.research.stats.ReturnStats;
import dev.peregrine.backtest.research.stats.TradeOutcome;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import java.util.List;

/**
 * The overfitting measures of one fold's search, on its training window: PBO by CSCV over all trials' trades
 * bucketed into {@code buckets} periods cut into {@code partitions}, and the deflated Sharpe of the chosen trial's
 * trades against all trials' Sharpe ratios. A measure that the data cannot support (fewer than two trials or two
 * trades) is null, never a made-up figure.
 *
 * @param partitions S of CSCV, even
 * @param buckets    periods the training window is cut into; at least 2 x partitions
 */
public record OverfittingCheck(int partitions, int buckets) {

    public OverfittingCheck {
        if (buckets < 2 * partitions) {
            throw new IllegalArgumentException(
                    "need at least two buckets per partition: " + buckets + " for " + partitions);
        }
    }

    public static OverfittingCheck defaults() {
        return new OverfittingCheck(8, 64);
    }

    public PboResult pbo(SearchResult search, TimeWindow train) {
        if (search.trials().size() < 2) {
            return null;
        }
        List<List<TradeOutcome>> trades =
                search.trials().stream().map(t -> t.evaluation().trades()).toList();
        return BacktestOverfitting.estimate(PerformanceMatrix.bucketed(train, buckets, trades), partitions);
    }

    public DeflatedSharpe.Result deflatedSharpe(SearchResult search) {
        ReturnStats chosen = search.best().evaluation().stats();
        if (chosen.count() < 2 || chosen.stdev() == 0) {
            return null;
        }
        List<Double> sharpes = search.trials().stream()
                .map(Trial::evaluation)
                .map(e -> e.stats().sharpe())
                .toList();
        return DeflatedSharpe.sharpeVarianceFactor(chosen.sharpe(), chosen.skewness(), chosen.kurtosis()) > 0
                ? DeflatedSharpe.deflate(chosen, sharpes)
                : null;
    }
}
