package dev.peregrine.backtest.research.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsotonicCalibratorTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    static ScoredOutcome signal(double score, boolean hit) {
        return new ScoredOutcome(T, score, hit);
    }

    @Test
    void poolsAdjacentViolatorsByHand() {
        // hits by score 0.1..0.7: 0 1 0 1 1 0 1 -> {0.1}: 0, {0.2, 0.3}: 1/2, {0.4, 0.5, 0.6}: 2/3, {0.7}: 1
        List<ScoredOutcome> data = List.of(
                signal(0.4, true),
                signal(0.1, false),
                signal(0.3, false),
                signal(0.2, true),
                signal(0.6, false),
                signal(0.5, true),
                signal(0.7, true));

        IsotonicCalibrator calibrator = IsotonicCalibrator.fit(data);

        assertThat(calibrator.steps())
                .containsExactly(
                        new IsotonicCalibrator.Step(0.1, 0.0),
                        new IsotonicCalibrator.Step(0.2, 0.5),
                        new IsotonicCalibrator.Step(0.4, 2.0 / 3),
                        new IsotonicCalibrator.Step(0.7, 1.0));
        assertThat(calibrator.probability(0.05)).isZero();
        assertThat(calibrator.probability(0.35)).isEqualTo(0.5);
        assertThat(calibrator.probability(0.65)).isEqualTo(2.0 / 3);
        assertThat(calibrator.probability(0.9)).isEqualTo(1.0);
    }

    @Test
    void equalScoresGetOneProbabilityEvenAfterPooling() {
        List<ScoredOutcome> data = List.of(
                signal(0.2, true),
                signal(0.5, true),
                signal(0.5, false),
                signal(0.5, true),
                signal(0.2, false),
                signal(0.5, false));

        // 0.2: 1/2, 0.5: 2/4 -> equal means merge into one step
        assertThat(IsotonicCalibrator.fit(data).steps()).containsExactly(new IsotonicCalibrator.Step(0.2, 0.5));
        assertThat(IsotonicCalibrator.fit(data.subList(1, 4)).steps())
                .containsExactly(new IsotonicCalibrator.Step(0.5, 2.0 / 3));
        // 0.2: 1/1, 0.5: 2/3 -> violation, pooled to 3/4 from 0.2 on
        List<ScoredOutcome> pooled =
                List.of(signal(0.5, true), signal(0.5, false), signal(0.2, true), signal(0.5, true));
        assertThat(IsotonicCalibrator.fit(pooled).steps()).containsExactly(new IsotonicCalibrator.Step(0.2, 0.75));
    }

    @Test
    void theFitIsMonotoneAndKeepsTheTrainingHitRate() {
        Random random = new Random(5);
        List<ScoredOutcome> data = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double score = random.nextDouble();
            data.add(signal(score, random.nextDouble() < 0.2 + 0.5 * score));
        }

        IsotonicCalibrator calibrator = IsotonicCalibrator.fit(data);

        List<IsotonicCalibrator.Step> steps = calibrator.steps();
        for (int i = 1; i < steps.size(); i++) {
            assertThat(steps.get(i).probability())
                    .isGreaterThan(steps.get(i - 1).probability());
        }
        double meanFit = data.stream()
                .mapToDouble(s -> calibrator.probability(s.score()))
                .average()
                .orElseThrow();
        double hitRate =
                data.stream().mapToDouble(ScoredOutcome::outcome).average().orElseThrow();
        assertThat(meanFit).isCloseTo(hitRate, within(1e-12));
    }
}
