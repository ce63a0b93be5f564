package dev.peregrine.backtest.research.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.backtest.research.walkforward.TimeWindow;
import dev.peregrine.backtest.research.walkforward.WalkForwardWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardCalibrationTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration HORIZON = Duration.ofHours(4);

    private static Instant day(double d) {
        return T.plusSeconds((long) (d * 86400));
    }

    private static WalkForwardWindow window(int index, double trainFrom, double trainTo, double testTo) {
        return new WalkForwardWindow(
                index,
                new TimeWindow(day(trainFrom), day(trainTo)),
                new TimeWindow(day(trainTo + 1), day(testTo)),
                HORIZON);
    }

    @Test
    void fitsOnEachTrainingWindowOnlyAndScoresTheTestWindowsAgainstTheTrainingBaseRate() {
        // days 0-9: 1 hit in 4 per day; days 10-19: 3 hits in 4 per day; score = day / 20
        List<ScoredOutcome> signals = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            for (int k = 0; k < 4; k++) {
                boolean hit = d < 10 ? k == 0 : k != 0;
                signals.add(new ScoredOutcome(day(d + 0.5), d / 20.0, hit));
            }
        }
        List<WalkForwardWindow> folds = List.of(window(0, 0, 5, 10), window(1, 0, 10, 20));
        List<List<ScoredOutcome>> seen = new ArrayList<>();
        CalibratorFitter baseRate = training -> {
            seen.add(training);
            double rate = training.stream()
                    .mapToDouble(ScoredOutcome::outcome)
                    .average()
                    .orElseThrow();
            return score -> rate;
        };

        CalibrationReport report = WalkForwardCalibration.run(signals, folds, baseRate, 10);

        assertThat(seen.get(0)).hasSize(20).allSatisfy(s -> assertThat(s.at()).isBefore(day(5)));
        assertThat(seen.get(1)).hasSize(40).allSatisfy(s -> assertThat(s.at()).isBefore(day(10)));
        // fold 0 tests days 6-9 (16 signals), fold 1 days 11-19 (36 signals)
        assertThat(report.predictions()).isEqualTo(52);
        // predicting the training base rate has no skill by definition
        assertThat(report.brierSkill()).isCloseTo(0.0, within(1e-12));
        assertThat(report.folds().get(1).trainBaseRate()).isEqualTo(0.25);
        // fold 1 predicts 0.25 for signals that hit 3 in 4: Brier 3/4 x 0.5625 + 1/4 x 0.0625 = 0.4375
        assertThat(report.folds().get(1).testBrier()).isCloseTo(0.4375, within(1e-12));
    }

    @Test
    void aFoldWithoutTrainingSignalsIsReportedEmpty() {
        List<ScoredOutcome> signals =
                List.of(new ScoredOutcome(day(3), 0.5, true), new ScoredOutcome(day(12), 0.5, false));
        List<WalkForwardWindow> folds = List.of(window(0, 0, 1, 5), window(1, 0, 10, 20));

        CalibrationReport report = WalkForwardCalibration.run(signals, folds, IsotonicCalibrator::fit, 5);

        assertThat(report.folds().get(0)).isEqualTo(new CalibrationReport.Fold(0, 0, 1, null, null, null));
        assertThat(report.predictions()).isEqualTo(1);
        assertThat(report.brier()).isEqualTo(1.0);
    }
}
