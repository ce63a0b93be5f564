package dev.peregrine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.TrialScore;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.IntegerParameter;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.search.ParameterSpace;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSurfaceTest {

    @Test
    void numbersReadBackFromJsonPrintAsDeclared() {
        assertThat(ParameterSurface.key(new BigDecimal("0.450"))).isEqualTo("0.45");
        assertThat(ParameterSurface.key(0.45d)).isEqualTo("0.45");
        assertThat(ParameterSurface.key(2)).isEqualTo("2");
        assertThat(ParameterSurface.key(new BigDecimal("20"))).isEqualTo("20");
        assertThat(ParameterSurface.key("ROLLING")).isEqualTo("ROLLING");
    }

    @Test
    void oneParameterGivesEveryTrialOfEachFoldOnOneAxis() {
        ParameterSurface surface = ParameterSurface.of(WalkForwardFixtures.run("wf", 5, false, "grid"));

        assertThat(surface.axes()).hasSize(1);
        assertThat(surface.folds()).hasSize(5);
        // fold 0 chose agreeing 2 (index 1) with 0.01 in sample; its neighbours score 0.001 less per step
        ParameterSurface.FoldSurface first = surface.folds().get(0);
        assertThat(first.chosen()).containsExactly(1);
        assertThat(first.cells()).hasSize(5);
        assertThat(first.cells().get(1).position()).containsExactly(1);
        assertThat(first.cells().get(1).score()).isCloseTo(0.01, offset(1e-12));
        assertThat(first.cells().get(4).score()).isCloseTo(0.007, offset(1e-12));
        assertThat(first.outOfSample()).isCloseTo(-0.001, offset(1e-12));
        assertThat(surface.folds().get(1).chosen()).containsExactly(2);
    }

    @Test
    void twoParametersGiveAFullHeatMapPerFoldWithTheChosenPointItsBest() {
        ParameterSurface surface = ParameterSurface.of(WalkForwardFixtures.run("wf", 3, true, "grid"));

        assertThat(surface.axes())
                .extracting(ParameterSurface.Axis::name)
                .containsExactly(WalkForwardFixtures.AGREEING, WalkForwardFixtures.CONVICTION);
        for (ParameterSurface.FoldSurface fold : surface.folds()) {
            assertThat(fold.cells())
                    .hasSize(35)
                    .allSatisfy(c -> assertThat(c.trials()).isEqualTo(1));
            ParameterSurface.Cell best = fold.cells().stream()
                    .max((a, b) -> Double.compare(a.score(), b.score()))
                    .orElseThrow();
            assertThat(best.position()).isEqualTo(fold.chosen());
            assertThat(best.score()).isEqualTo(fold.inSample());
        }
        assertThat(surface.folds().get(2).chosen()).containsExactly(1, 3);
    }

    @Test
    void aThirdParameterIsProfiledOutByTheBestTrialAtEachPoint() {
        WalkForwardRun run = WalkForwardFixtures.run("wf", 1, false, "grid");
        ParameterSpace space = ParameterSpace.of(
                new IntegerParameter(WalkForwardFixtures.AGREEING, 1, 2, 1),
                new IntegerParameter("lookback", 10, 20, 10),
                new IntegerParameter("other", 0, 2, 1));
        List<TrialScore> trials = new ArrayList<>();
        for (int agreeing = 1; agreeing <= 2; agreeing++) {
            for (int other = 0; other <= 2; other++) {
                // only lookback 10 was evaluated: lookback 20 stays empty
                trials.add(new TrialScore(assignment(agreeing, 10, other), agreeing * 0.1 + other * 0.01, 5));
            }
        }
        FoldResult fold = run.folds().getFirst();
        FoldResult withTrials = new FoldResult(
                fold.index(),
                fold.train(),
                fold.test(),
                trials.size(),
                assignment(2, 10, 2),
                fold.inSample(),
                fold.outOfSample(),
                fold.pbo(),
                fold.deflatedSharpe(),
                trials);

        ParameterSurface surface = ParameterSurface.of(withSpaceAndFolds(run, space, List.of(withTrials)));

        List<ParameterSurface.Cell> cells = surface.folds().getFirst().cells();
        assertThat(cells).hasSize(2);
        assertThat(cells.get(0).position()).containsExactly(0, 0);
        assertThat(cells.get(0).score()).isCloseTo(0.12, offset(1e-12));
        assertThat(cells.get(0).trials()).isEqualTo(3);
        assertThat(cells.get(1).score()).isCloseTo(0.22, offset(1e-12));
        assertThat(surface.folds().getFirst().chosen()).containsExactly(1, 0);
    }

    @Test
    void aRunStoredWithoutTrialsShowsOnlyEachFoldsChosenPoint() {
        WalkForwardRun run = WalkForwardFixtures.run("wf", 2, true, "grid");
        List<FoldResult> bare = run.folds().stream()
                .map(f -> new FoldResult(
                        f.index(),
                        f.train(),
                        f.test(),
                        f.trials(),
                        f.chosen(),
                        f.inSample(),
                        f.outOfSample(),
                        f.pbo(),
                        f.deflatedSharpe(),
                        null))
                .toList();

        ParameterSurface surface = ParameterSurface.of(withSpaceAndFolds(run, run.space(), bare));

        ParameterSurface.FoldSurface second = surface.folds().get(1);
        assertThat(second.cells()).hasSize(1);
        assertThat(second.cells().getFirst().position()).containsExactly(2, 3);
        assertThat(second.cells().getFirst().score()).isCloseTo(0.02, offset(1e-12));
    }

    @Test
    void anAxisTooLongToDrawIsLeftOut() {
        WalkForwardRun run = WalkForwardFixtures.run("wf", 2, false, "grid");
        WalkForwardRun wide = withSpaceAndFolds(
                run, ParameterSpace.of(new IntegerParameter(WalkForwardFixtures.AGREEING, 1, 1000, 1)), run.folds());

        assertThat(ParameterSurface.of(wide).axes()).isEmpty();
        assertThat(ParameterSurface.of(wide).folds()).isEmpty();
    }

    private static ParameterAssignment assignment(int agreeing, int lookback, int other) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(WalkForwardFixtures.AGREEING, agreeing);
        values.put("lookback", lookback);
        values.put("other", other);
        return new ParameterAssignment(values);
    }

    private static WalkForwardRun withSpaceAndFolds(WalkForwardRun run, ParameterSpace space, List<FoldResult> folds) {
        return new WalkForwardRun(
                run.runId(),
                run.createdAt(),
                space,
                run.search(),
                run.fittingRange(),
                run.holdoutStart(),
                run.plan(),
                folds,
                run.outOfSample(),
                run.meanInSampleScore(),
                run.meanOutOfSampleScore(),
                run.outOfSampleProbabilisticSharpe());
    }
}
