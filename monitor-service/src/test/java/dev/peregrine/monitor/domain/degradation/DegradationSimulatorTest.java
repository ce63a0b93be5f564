package dev.peregrine.monitor.domain.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class DegradationSimulatorTest {

    /** The busiest analyst (momentum) emits about 35 signals a day; 4 h outcomes have an sd near 150 bps. */
    private static final int TRADES_PER_DAY = 35;

    private static final long SEED = 20_261_206L;

    private final DegradationSimulator simulator =
            new DegradationSimulator(new CusumDegradationRule(DegradationSettings.DEFAULTS));

    @Test
    void defaultsPauseAZeroEdgeStrategyWithinThirtyDaysAtMostFivePercentOfTheTime() {
        PauseEstimate estimate = simulator.simulate(
                new StudentTReturns(0, 0.015, 4), new SimulationSettings(TRADES_PER_DAY, 30, 2_000, SEED));
        assertThat(estimate.rate()).isLessThanOrEqualTo(0.05);
        assertThat(estimate.pausedWithinHorizon().trials()).isEqualTo(2_000);
    }

    @Test
    void defaultsPauseAStrategyLosingThirtyBpsPerTradeWithinDays() {
        PauseEstimate estimate = simulator.simulate(
                new StudentTReturns(-0.003, 0.015, 4), new SimulationSettings(TRADES_PER_DAY, 30, 300, SEED));
        assertThat(estimate.rate()).isGreaterThan(0.95);
        assertThat(estimate.medianDaysToPause()).isLessThan(10);
        assertThat(estimate.p90DaysToPause()).isGreaterThanOrEqualTo(estimate.medianDaysToPause());
    }

    @Test
    void theSameSeedGivesTheSameMeasurement() {
        SimulationSettings settings = new SimulationSettings(TRADES_PER_DAY, 10, 200, SEED);
        StudentTReturns model = new StudentTReturns(-0.002, 0.015, 4);
        assertThat(simulator.simulate(model, settings)).isEqualTo(simulator.simulate(model, settings));
    }

    @Test
    void studentTReturnsHaveTheStatedMeanAndStandardDeviation() {
        StudentTReturns model = new StudentTReturns(0.001, 0.01, 6);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] draws =
                DoubleStream.generate(() -> model.next(random)).limit(200_000).toArray();
        double mean = DoubleStream.of(draws).average().orElseThrow();
        double sd = Math.sqrt(
                DoubleStream.of(draws).map(x -> (x - mean) * (x - mean)).sum() / (draws.length - 1));
        assertThat(mean).isCloseTo(0.001, within(1e-4));
        assertThat(sd).isCloseTo(0.01, within(3e-4));
    }

    @Test
    void bootstrapReturnsAreRecentredToTheStatedMean() {
        BootstrapReturns model = new BootstrapReturns(new double[] {0.03, -0.01, 0.01}, -0.001);
        SplittableRandom random = new SplittableRandom(SEED);
        double mean = DoubleStream.generate(() -> model.next(random))
                .limit(100_000)
                .average()
                .orElseThrow();
        // sample mean 0.01 removed: draws are -0.001 + {0.02, -0.02, 0}
        assertThat(mean).isCloseTo(-0.001, within(3e-4));
        assertThat(model.describe()).contains("bootstrap of 3 returns");
    }
}
