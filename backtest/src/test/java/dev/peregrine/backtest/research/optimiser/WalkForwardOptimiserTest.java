package dev.peregrine.backtest.research.optimiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.backtest.research.search.DecimalParameter;
import dev.peregrine.backtest.research.search.Evaluation;
import dev.peregrine.backtest.research.search.GeneticSearch;
import dev.peregrine.backtest.research.search.GridSearch;
import dev.peregrine.backtest.research.search.IntegerParameter;
import dev.peregrine.backtest.research.search.Objective;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import dev.peregrine.backtest.research.search.ParameterSpace;
import dev.peregrine.backtest.research.stats.TradeOutcome;
import dev.peregrine.backtest.research.walkforward.HoldoutSplit;
import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.backtest.research.walkforward.WalkForwardPlan;
import dev.peregrine.backtest.research.walkforward.WindowScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class WalkForwardOptimiserTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(4);
    private static final HoldoutSplit SPLIT =
            HoldoutSplit.lastQuarter(new TimeWindow(START, START.plus(Duration.ofDays(400))), HORIZON);
    private static final WalkForwardPlan PLAN = new WalkForwardPlan(
            Duration.ofDays(60), Duration.ofDays(30), HORIZON, Duration.ofHours(2), WindowScheme.ROLLING);
    private static final ParameterSpace SPACE =
            ParameterSpace.of(IntegerParameter.of("edge", 0, 4), DecimalParameter.of("noise", "0.5", "1.5", "0.5"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneOffset.UTC);

    /**
     * A synthetic objective (a placeholder for the backtest engine): one trade per 6 hours of the window, return
     * noise seeded by the trade's time and the parameters, plus a real drift only for edge = 2. It records every
     * call so the test can see what the optimiser handed it.
     */
    private static final class SyntheticObjective implements Objective {
        final List<Map.Entry<ParameterAssignment, TimeWindow>> calls = new ArrayList<>();

        @Override
        public Evaluation evaluate(ParameterAssignment p, TimeWindow window) {
            calls.add(Map.entry(p, window));
            List<TradeOutcome> trades = new ArrayList<>();
            double drift = p.integer("edge") == 2 ? 0.002 : 0.0;
            for (Instant t = window.from(); t.isBefore(window.to()); t = t.plus(Duration.ofHours(6))) {
                Random random = new Random(t.getEpochSecond() * 31 + p.hashCode());
                trades.add(
                        new TradeOutcome(t, drift + 0.01 * p.decimal("noise").doubleValue() * random.nextGaussian()));
            }
            double mean = trades.stream()
                    .mapToDouble(TradeOutcome::netReturn)
                    .average()
                    .orElse(0);
            return new Evaluation(mean, trades, Map.of("trades", (double) trades.size()));
        }
    }

    @Test
    void searchesOnTrainingWindowsJudgesOnTestWindowsAndNeverTouchesTheHoldout() {
        SyntheticObjective objective = new SyntheticObjective();

        List<FoldResult> reported = new ArrayList<>();
        WalkForwardRun run = new WalkForwardOptimiser(
                        new GridSearch(100), objective, OverfittingCheck.defaults(), CLOCK)
                .run("grid-1", SPACE, SPLIT, PLAN, reported::add);

        assertThat(reported).isEqualTo(run.folds());

        // fitting range: 300 days - 4h; first test after 60 days + 6h; 30-day steps -> 8 folds
        assertThat(run.folds()).hasSize(8);
        assertThat(objective.calls).hasSize(8 * (15 + 1));
        assertThat(objective.calls)
                .allSatisfy(
                        call -> assertThat(SPLIT.touchesHoldout(call.getValue().extendedBy(HORIZON)))
                                .isFalse());
        for (FoldResult fold : run.folds()) {
            List<ParameterAssignment> onTest = objective.calls.stream()
                    .filter(c -> c.getValue().equals(fold.test()))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(onTest).containsExactly(fold.chosen());
            assertThat(fold.trials()).isEqualTo(15);
            assertThat(fold.pbo()).isNotNull();
            assertThat(fold.deflatedSharpe()).isNotNull();
            assertThat(fold.deflatedSharpe().trials()).isEqualTo(15);
            // every trial's in-sample score is kept, the chosen one among them and the best of them
            assertThat(fold.trialScores()).hasSize(15);
            assertThat(fold.trialScores().stream().map(TrialScore::parameters))
                    .doesNotHaveDuplicates()
                    .contains(fold.chosen());
            assertThat(fold.trialScores().stream()
                            .mapToDouble(TrialScore::score)
                            .max())
                    .hasValue(fold.inSample().score());
        }
        assertThat(run.outOfSample().count())
                .isEqualTo(run.folds().stream()
                        .mapToInt(f -> f.outOfSample().trades().count())
                        .sum());
        assertThat(run.holdoutStart()).isEqualTo(SPLIT.holdoutStart());
        assertThat(run.createdAt()).isEqualTo(CLOCK.instant());
        assertThat(run.outOfSampleProbabilisticSharpe()).isBetween(0.0, 1.0);
    }

    @Test
    void theSameSeedGivesTheSameStoredRunAndItReadsBackEqual(@TempDir Path dir) throws Exception {
        RunStore store = new RunStore(dir);
        GeneticSearch search = new GeneticSearch(99, 6, 4, 0.2, 0.3);
        WalkForwardRun first = new WalkForwardOptimiser(
                        search, new SyntheticObjective(), OverfittingCheck.defaults(), CLOCK)
                .run("ga-1", SPACE, SPLIT, PLAN);
        WalkForwardRun second = new WalkForwardOptimiser(
                        search, new SyntheticObjective(), OverfittingCheck.defaults(), CLOCK)
                .run("ga-2", SPACE, SPLIT, PLAN);

        Path a = store.write(first);
        Path b = store.write(second);

        assertThat(Files.readString(a).replace("ga-1", "ga-2")).isEqualTo(Files.readString(b));
        assertThat(Files.readString(a))
                .contains(
                        "\"seed\" : \"99\"",
                        "\"outOfSample\"",
                        "\"inSample\"",
                        "\"type\" : \"integer\"",
                        "\"probabilityOfOverfitting\"");
        assertThat(store.read("ga-1")).isEqualTo(first);
    }

    @Test
    void aRunStoredBeforeTrialsWereKeptReadsBackWithNone(@TempDir Path dir) throws Exception {
        RunStore store = new RunStore(dir);
        WalkForwardRun run = new WalkForwardOptimiser(
                        new GridSearch(100), new SyntheticObjective(), OverfittingCheck.defaults(), CLOCK)
                .run("old-1", SPACE, SPLIT, PLAN);
        Path file = store.write(run);
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode tree = (ObjectNode) mapper.readTree(Files.readString(file));
        tree.get("folds").forEach(fold -> ((ObjectNode) fold).remove("trialScores"));
        Files.writeString(file, mapper.writeValueAsString(tree));

        WalkForwardRun old = store.read("old-1");

        assertThat(old.folds())
                .hasSameSizeAs(run.folds())
                .allSatisfy(fold -> assertThat(fold.trialScores()).isEmpty());
        assertThat(old.folds().getFirst().chosen())
                .isEqualTo(run.folds().getFirst().chosen());
    }

    @Test
    void refusesAPlanWhoseLabelHorizonDiffersFromTheHoldoutsAndABadRunId(@TempDir Path dir) {
        WalkForwardPlan longer = new WalkForwardPlan(
                Duration.ofDays(60), Duration.ofDays(30), Duration.ofHours(8), Duration.ZERO, WindowScheme.ROLLING);
        WalkForwardOptimiser optimiser = new WalkForwardOptimiser(
                new GridSearch(100), new SyntheticObjective(), OverfittingCheck.defaults(), CLOCK);

        assertThatThrownBy(() -> optimiser.run("x", SPACE, SPLIT, longer)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunStore(dir).read("../etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
