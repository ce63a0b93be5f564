package dev.peregrine.backtest.research.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.backtest.research.calibration.IsotonicCalibrator;
import dev.peregrine.backtest.research.calibration.PlattCalibrator;
import dev.peregrine.backtest.research.calibration.ScoredOutcome;
import dev.peregrine.signal.config.CalibrationFile;
import dev.peregrine.signal.domain.calibration.CalibrationMethod;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exported calibration maps every score as the backtest's calibrator fitted on the same signals does. */
class CalibrationExportTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant HOLDOUT = Instant.parse("2024-06-01T00:00:00Z");

    /** Deterministic signals: the higher the score, the more of them hit (every k-th misses). */
    private static List<ScoredOutcome> signals() {
        List<ScoredOutcome> list = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double score = (i % 80) / 100.0 + 0.1;
            boolean hit = (i * 7919) % 100 < 30 + 40 * score;
            list.add(new ScoredOutcome(T0.plus(Duration.ofMinutes(15L * i)), score, hit));
        }
        return list;
    }

    @Test
    void isotonicStepsEqualTheFittedCalibrator() {
        List<ScoredOutcome> training = signals();
        ConfidenceCalibration exported =
                CalibrationExport.fit(training, CalibrationMethod.ISOTONIC, HOLDOUT, "hit after costs", 16);
        IsotonicCalibrator fitted = IsotonicCalibrator.fit(training);
        for (int s = 0; s <= 100; s++) {
            assertThat(exported.probability(s / 100.0)).as("score %d", s).isEqualTo(fitted.probability(s / 100.0));
        }
        assertThat(exported.version()).isEqualTo("isotonic-2024-06-01-h16");
        assertThat(exported.fittedFrom()).isEqualTo(T0);
        assertThat(exported.fittedUntil()).isEqualTo(HOLDOUT);
        assertThat(exported.signals()).isEqualTo(400);
        assertThat(CalibrationFile.parse(CalibrationFile.toJson(exported), "test"))
                .isEqualTo(exported);
    }

    @Test
    void plattCoefficientsEqualTheFittedCalibrator() {
        List<ScoredOutcome> training = signals();
        ConfidenceCalibration exported =
                CalibrationExport.fit(training, CalibrationMethod.PLATT, HOLDOUT, "hit after costs", 16);
        PlattCalibrator fitted = PlattCalibrator.fit(training, true);
        for (int s = 0; s <= 100; s++) {
            assertThat(exported.probability(s / 100.0)).isCloseTo(fitted.probability(s / 100.0), within(1e-15));
        }
        assertThat(exported.platt().a()).isNegative(); // higher scores hit more often here
    }
}
