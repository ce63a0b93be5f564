package dev.peregrine.backtest.research.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.backtest.research.calibration.CalibratorFitter;
import dev.peregrine.backtest.research.calibration.FoldSignals;
import dev.peregrine.backtest.research.calibration.ScoredOutcome;
import dev.peregrine.backtest.research.calibration.WalkForwardCalibration;
import dev.peregrine.backtest.research.optimiser.FoldResult;
import dev.peregrine.backtest.research.optimiser.WalkForwardRun;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import dev.peregrine.backtest.research.walkforward.WindowScheme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ChosenConfigurationSignalsTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(4);
    private static final String KEY = "peregrine.signal.consensus.min-agreeing";
    private static final Instant HOLDOUT = day(40);

    private static Instant day(double d) {
        return T.plusSeconds((long) (d * 86400));
    }

    private static ParameterAssignment agreeing(int n) {
        return new ParameterAssignment(Map.of(KEY, n));
    }

    private static FoldResult fold(int index, double trainFrom, double trainTo, double testTo, int chosen) {
        return new FoldResult(
                index,
                new TimeWindow(day(trainFrom), day(trainTo)),
                new TimeWindow(day(trainTo + 1), day(testTo)),
                5,
                agreeing(chosen),
                null,
                null,
                null,
                null,
                null);
    }

    private static WalkForwardRun run(Instant holdoutStart, FoldResult... folds) {
        return new WalkForwardRun(
                "wf-test",
                T,
                null,
                Map.of(),
                new TimeWindow(T, HOLDOUT),
                holdoutStart,
                new WalkForwardPlan(
                        Duration.ofDays(10), Duration.ofDays(10), HORIZON, Duration.ZERO, WindowScheme.ROLLING),
                List.of(folds),
                null,
                0.0,
                0.0,
                null);
    }

    /** One signal a day for 40 days; its score names the configuration that produced it (min-agreeing / 10). */
    private static List<ScoredOutcome> signalsUnder(ParameterAssignment assignment) {
        double score = assignment.integer(KEY) / 10.0;
        List<ScoredOutcome> signals = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            signals.add(new ScoredOutcome(day(d + 0.5), score, d % 3 == 0));
        }
        return signals;
    }

    @Test
    void eachFoldIsScoredOnTheSignalsOfItsOwnChoiceAndEachChoiceIsRunOnce() {
        WalkForwardRun run = run(HOLDOUT, fold(0, 0, 10, 20, 4), fold(1, 10, 20, 30, 5), fold(2, 20, 30, 39, 4));
        List<ParameterAssignment> engineRuns = new ArrayList<>();
        Function<ParameterAssignment, List<ScoredOutcome>> engine = a -> {
            engineRuns.add(a);
            return signalsUnder(a);
        };

        List<FoldSignals> folds = ChosenConfigurationSignals.of(run, HOLDOUT, engine);

        assertThat(engineRuns).containsExactly(agreeing(4), agreeing(5));
        assertThat(folds).extracting(f -> f.window().index()).containsExactly(0, 1, 2);
        assertThat(folds.get(0).signals()).allSatisfy(s -> assertThat(s.score()).isEqualTo(0.4));
        assertThat(folds.get(1).signals()).allSatisfy(s -> assertThat(s.score()).isEqualTo(0.5));
        assertThat(folds.get(2).signals()).allSatisfy(s -> assertThat(s.score()).isEqualTo(0.4));
        assertThat(folds.get(1).window().train()).isEqualTo(run.folds().get(1).train());
        assertThat(folds.get(1).window().test()).isEqualTo(run.folds().get(1).test());
    }

    @Test
    void calibratorsAreFittedOnTheFoldsOwnTrainingSignalsAndNeverSeeItsTestWindow() {
        WalkForwardRun run = run(HOLDOUT, fold(0, 0, 10, 20, 4), fold(1, 10, 20, 30, 5));
        List<FoldSignals> folds =
                ChosenConfigurationSignals.of(run, HOLDOUT, ChosenConfigurationSignalsTest::signalsUnder);
        List<List<ScoredOutcome>> seen = new ArrayList<>();
        CalibratorFitter identity = training -> {
            seen.add(training);
            return score -> score;
        };

        List<Double> predictions = WalkForwardCalibration.outOfSample(folds, identity).stream()
                .map(p -> p.probability())
                .toList();

        assertThat(seen).hasSize(2);
        for (int i = 0; i < 2; i++) {
            TimeWindow train = run.folds().get(i).train();
            TimeWindow test = run.folds().get(i).test();
            double own = run.folds().get(i).chosen().integer(KEY) / 10.0;
            assertThat(seen.get(i))
                    .hasSize(10)
                    .allSatisfy(s -> assertThat(train.contains(s.at())).isTrue())
                    .allSatisfy(s -> assertThat(test.contains(s.at())).isFalse())
                    .allSatisfy(s -> assertThat(s.score()).isEqualTo(own));
        }
        // fold 0 tests days 11-19 under min-agreeing 4, fold 1 days 21-29 under 5
        assertThat(predictions).hasSize(18);
        assertThat(predictions.subList(0, 9)).containsOnly(0.4);
        assertThat(predictions.subList(9, 18)).containsOnly(0.5);
    }

    @Test
    void refusesARunCutWithAnotherHoldout() {
        WalkForwardRun run = run(day(41), fold(0, 0, 10, 20, 4));

        assertThatThrownBy(
                        () -> ChosenConfigurationSignals.of(run, HOLDOUT, ChosenConfigurationSignalsTest::signalsUnder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holdout");
    }

    @Test
    void refusesAFoldWhoseTestWindowReachesTheHoldout() {
        WalkForwardRun run = run(HOLDOUT, fold(0, 20, 30, 45, 4));

        assertThatThrownBy(
                        () -> ChosenConfigurationSignals.of(run, HOLDOUT, ChosenConfigurationSignalsTest::signalsUnder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reaches the holdout");
    }

    @Test
    void refusesAFoldWhoseTrainingLabelsReachItsTestWindow() {
        FoldResult overlapping = new FoldResult(
                0,
                new TimeWindow(day(0), day(10)),
                new TimeWindow(day(10), day(20)),
                5,
                agreeing(4),
                null,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> ChosenConfigurationSignals.of(
                        run(HOLDOUT, overlapping), HOLDOUT, ChosenConfigurationSignalsTest::signalsUnder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training labels reach");
    }
}
