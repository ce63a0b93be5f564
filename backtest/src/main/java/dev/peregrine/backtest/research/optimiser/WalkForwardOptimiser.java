package dev.peregrine.backtest.research.optimiser;

import dev.peregrine.backtest.research.overfitting.DeflatedSharpe;
import dev.peregrine.backtest.research.search.Evaluation;
import dev.peregrine.backtest.research.search.Objective;
import dev.peregrine.backtest.research.search.ParameterSearch;
import dev.peregrine.backtest.research.search.ParameterSpace;
import dev.peregrine.backtest.research.search.SearchResult;
import dev.peregrine.backtest.research.search.Trial;
import dev.peregrine.backtest.research.stats.ReturnStats;
import dev.peregrine.backtest.research.stats.TradeOutcome;
import dev.peregrine.backtest.research.walkforward.HoldoutSplit;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import dev.peregrine.backtest.research.walkforward.WalkForwardSplitter;
import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Walk-forward optimisation: folds are cut from the holdout split's fitting range only; on each fold the search
 * runs on the training window and its best assignment is evaluated once on the test window. The test-window
 * figures, together, are the result; the search never sees them. Any window whose candles or labels would reach
 * the holdout is refused before the objective is called.
 */
public final class WalkForwardOptimiser {

    private final ParameterSearch search;
    private final Objective objective;
    private final OverfittingCheck overfitting;
    private final Clock clock;

    public WalkForwardOptimiser(
            ParameterSearch search, Objective objective, OverfittingCheck overfitting, Clock clock) {
        this.search = Objects.requireNonNull(search, "search");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.overfitting = Objects.requireNonNull(overfitting, "overfitting");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WalkForwardRun run(String runId, ParameterSpace space, HoldoutSplit holdout, WalkForwardPlan plan) {
        return run(runId, space, holdout, plan, fold -> {});
    }

    /** @param onFold told of each fold as it completes (progress of a long run) */
    public WalkForwardRun run(
            String runId,
            ParameterSpace space,
            HoldoutSplit holdout,
            WalkForwardPlan plan,
            Consumer<FoldResult> onFold) {
        if (!plan.labelHorizon().equals(holdout.labelHorizon())) {
            throw new IllegalArgumentException("the plan's label horizon " + plan.labelHorizon()
                    + " differs from the holdout split's " + holdout.labelHorizon());
        }
        List<WalkForwardWindow> windows = new WalkForwardSplitter(plan).split(holdout.fitting());
        List<FoldResult> folds = new ArrayList<>();
        List<TradeOutcome> outOfSampleTrades = new ArrayList<>();
        for (WalkForwardWindow window : windows) {
            refuseHoldout(holdout, window);
            SearchResult result = search.search(space, objective, window.train());
            Trial best = result.best();
            Evaluation outOfSample = objective.evaluate(best.parameters(), window.test());
            outOfSampleTrades.addAll(outOfSample.trades());
            FoldResult fold = new FoldResult(
                    window.index(),
                    window.train(),
                    window.test(),
                    result.trials().size(),
                    best.parameters(),
                    Performance.of(best.evaluation()),
                    Performance.of(outOfSample),
                    overfitting.pbo(result, window.train()),
                    overfitting.deflatedSharpe(result),
                    result.trials().stream().map(TrialScore::of).toList());
            folds.add(fold);
            onFold.accept(fold);
        }
        ReturnStats pooled = ReturnStats.of(
                outOfSampleTrades.stream().map(TradeOutcome::netReturn).toList());
        return new WalkForwardRun(
                runId,
                clock.instant(),
                space,
                search.settings(),
                holdout.fitting(),
                holdout.holdoutStart(),
                plan,
                folds,
                pooled,
                folds.stream().mapToDouble(f -> f.inSample().score()).average().orElseThrow(),
                folds.stream()
                        .mapToDouble(f -> f.outOfSample().score())
                        .average()
                        .orElseThrow(),
                probabilisticSharpe(pooled));
    }

    private static void refuseHoldout(HoldoutSplit holdout, WalkForwardWindow window) {
        if (holdout.touchesHoldout(window.trainWithLabels())
                || holdout.touchesHoldout(window.test().extendedBy(window.labelHorizon()))) {
            throw new IllegalStateException(
                    "fold " + window.index() + " reaches the holdout starting " + holdout.holdoutStart());
        }
    }

    private static Double probabilisticSharpe(ReturnStats stats) {
        if (stats.count() < 2
                || stats.stdev() == 0
                || DeflatedSharpe.sharpeVarianceFactor(stats.sharpe(), stats.skewness(), stats.kurtosis()) <= 0) {
            return null;
        }
        return DeflatedSharpe.probabilisticSharpe(
                stats.sharpe(), 0.0, stats.count(), stats.skewness(), stats.kurtosis());
    }
}
