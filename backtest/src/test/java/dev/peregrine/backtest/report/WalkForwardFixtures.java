package dev.peregrine.backtest.report;

import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.Performance;
import dev.peregrine.backtest.research.optimiser.TrialScore;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.overfitting.DeflatedSharpe;
import dev.peregrine.backtest.research.overfitting.PboResult;
import dev.peregrine.backtest.research.search.DecimalParameter;
import dev.peregrine.backtest.research.search.IntegerParameter;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.search.ParameterSpace;
import dev.peregrine.backtest.research.stats.ReturnStats;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import dev.peregrine.backtest.research.walkforward.WindowScheme;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small walk-forward runs with known figures for the results page's tests (test data, not research results). */
final class WalkForwardFixtures {

    static final String AGREEING = "peregrine.signal.consensus.min-agreeing";
    static final String CONVICTION = "peregrine.signal.arbiter.conviction-threshold";
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private WalkForwardFixtures() {}

    /** {@code folds} folds; fold i chose agreeing = 2 + i % 2 (and conviction 0.30 in a two-parameter space). */
    static WalkForwardRun run(String runId, int folds, boolean twoParameters, String searchType) {
        ParameterSpace space = twoParameters
                ? ParameterSpace.of(
                        new IntegerParameter(AGREEING, 1, 5, 1),
                        DecimalParameter.of(CONVICTION, "0.15", "0.45", "0.05"))
                : ParameterSpace.of(new IntegerParameter(AGREEING, 1, 5, 1));
        List<FoldResult> results = new ArrayList<>();
        for (int i = 0; i < folds; i++) {
            Map<String, Object> chosen = new LinkedHashMap<>();
            chosen.put(AGREEING, 2 + i % 2);
            if (twoParameters) {
                chosen.put(CONVICTION, new BigDecimal("0.30"));
            }
            Instant trainFrom = START.plus(Duration.ofDays(30L * i));
            TimeWindow train = new TimeWindow(trainFrom, trainFrom.plus(Duration.ofDays(60)));
            TimeWindow test = new TimeWindow(train.to(), train.to().plus(Duration.ofDays(30)));
            List<TrialScore> trials = trials(space, chosen, 0.01 * (i + 1));
            results.add(new FoldResult(
                    i,
                    train,
                    test,
                    35,
                    new ParameterAssignment(chosen),
                    performance(0.01 * (i + 1), 100 + i),
                    performance(-0.001 * (i + 1), 50 + i),
                    i == 0 ? null : new PboResult(0.25 * i, 0.4, 0.5, 70, 35, 64, 8),
                    i == 0 ? null : new DeflatedSharpe.Result(0.1, 100, 35, 0.001, 0.05, 0.8, 0.125 * i),
                    trials));
        }
        return new WalkForwardRun(
                runId,
                START.plus(Duration.ofDays(400)),
                space,
                Map.of("type", searchType),
                new TimeWindow(START, START.plus(Duration.ofDays(300))),
                START.plus(Duration.ofDays(301)),
                new WalkForwardPlan(
                        Duration.ofDays(60),
                        Duration.ofDays(30),
                        Duration.ofHours(4),
                        Duration.ZERO,
                        WindowScheme.ROLLING),
                results,
                stats(0.0001, 300),
                0.02,
                -0.002,
                0.42);
    }

    /**
     * Every point of the space as a trial, scored {@code best} at the chosen point and 0.001 less per step away from
     * it on each axis, so the chosen point is the unique best.
     */
    static List<TrialScore> trials(ParameterSpace space, Map<String, Object> chosen, double best) {
        List<TrialScore> trials = new ArrayList<>();
        for (long ordinal = 0; ordinal < space.size(); ordinal++) {
            ParameterAssignment p = space.assignment(ordinal);
            double distance = Math.abs(p.integer(AGREEING) - ((Number) chosen.get(AGREEING)).intValue());
            if (chosen.containsKey(CONVICTION)) {
                distance += p.decimal(CONVICTION)
                        .subtract((BigDecimal) chosen.get(CONVICTION))
                        .abs()
                        .divide(new BigDecimal("0.05"))
                        .doubleValue();
            }
            trials.add(new TrialScore(p, best - 0.001 * distance, 10));
        }
        return trials;
    }

    private static Performance performance(double score, int trades) {
        return new Performance(score, stats(score / trades, trades), Map.of("trades", (double) trades));
    }

    private static ReturnStats stats(double mean, int count) {
        return new ReturnStats(count, mean, 0.01, mean / 0.01, 0.0, 3.0, 0.45, mean * count);
    }
}
