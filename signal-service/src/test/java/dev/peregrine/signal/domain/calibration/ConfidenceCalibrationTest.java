package dev.peregrine.signal.domain.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Grade;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceCalibrationTest {

    static final Instant FROM = Instant.parse("2021-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-11-15T06:00:00Z");

    static ConfidenceCalibration isotonic(List<ConfidenceCalibration.Step> steps) {
        return new ConfidenceCalibration(
                "iso-test", CalibrationMethod.ISOTONIC, steps, null, FROM, UNTIL, "return after costs > 0", 8, 100);
    }

    static final ConfidenceCalibration ISOTONIC = isotonic(List.of(
            new ConfidenceCalibration.Step(0.20, 0.30),
            new ConfidenceCalibration.Step(0.50, 0.48),
            new ConfidenceCalibration.Step(0.70, 0.62)));

    @Test
    void isotonicIsAStepFunctionTakingTheLowerStepBetweenTwo() {
        assertThat(ISOTONIC.probability(0.0)).isEqualTo(0.30); // below the first step: the first value
        assertThat(ISOTONIC.probability(0.20)).isEqualTo(0.30);
        assertThat(ISOTONIC.probability(0.49)).isEqualTo(0.30);
        assertThat(ISOTONIC.probability(0.50)).isEqualTo(0.48);
        assertThat(ISOTONIC.probability(0.69)).isEqualTo(0.48);
        assertThat(ISOTONIC.probability(0.70)).isEqualTo(0.62);
        assertThat(ISOTONIC.probability(1.0)).isEqualTo(0.62);
    }

    @Test
    void plattIsTheLogisticOfTheScore() {
        ConfidenceCalibration platt = new ConfidenceCalibration(
                "platt-test",
                CalibrationMethod.PLATT,
                List.of(),
                new ConfidenceCalibration.Platt(-2.0, 1.0),
                FROM,
                UNTIL,
                "return after costs > 0",
                8,
                100);
        assertThat(platt.probability(0.5)).isEqualTo(0.5); // a s + b = 0
        assertThat(platt.probability(1.0)).isCloseTo(1.0 / (1.0 + Math.exp(-1.0)), within(1e-15));
        assertThat(platt.probability(0.0)).isCloseTo(1.0 / (1.0 + Math.exp(1.0)), within(1e-15));
    }

    @Test
    void malformedCalibrationsAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> isotonic(
                        List.of(new ConfidenceCalibration.Step(0.2, 0.5), new ConfidenceCalibration.Step(0.2, 0.6))))
                .withMessageContaining("strictly rising scores");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> isotonic(
                        List.of(new ConfidenceCalibration.Step(0.2, 0.5), new ConfidenceCalibration.Step(0.3, 0.4))))
                .withMessageContaining("non-decreasing probabilities");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> isotonic(List.of()))
                .withMessageContaining("at least one step");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfidenceCalibration.Step(0.2, 1.2))
                .withMessageContaining("within [0, 1]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfidenceCalibration(
                        "v", CalibrationMethod.PLATT, List.of(), null, FROM, UNTIL, "hit", 8, 10))
                .withMessageContaining("Platt");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfidenceCalibration(
                        "v", CalibrationMethod.ISOTONIC, ISOTONIC.steps(), null, UNTIL, FROM, "hit", 8, 10))
                .withMessageContaining("before fittedUntil");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConfidenceCalibration(
                        " ", CalibrationMethod.ISOTONIC, ISOTONIC.steps(), null, FROM, UNTIL, "hit", 8, 10))
                .withMessageContaining("version");
    }

    @Test
    void gradeCutoffsBandTheProbability() {
        GradeCutoffs cutoffs = GradeCutoffs.DEFAULTS;
        assertThat(cutoffs.gradeOf(0.60)).isEqualTo(Grade.A);
        assertThat(cutoffs.gradeOf(0.5999)).isEqualTo(Grade.B);
        assertThat(cutoffs.gradeOf(0.55)).isEqualTo(Grade.B);
        assertThat(cutoffs.gradeOf(0.50)).isEqualTo(Grade.C);
        assertThat(cutoffs.gradeOf(0.45)).isEqualTo(Grade.D);
        assertThat(cutoffs.gradeOf(0.4499)).isEqualTo(Grade.F);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GradeCutoffs(0.6, 0.6, 0.5, 0.4))
                .withMessageContaining("0 < d < c < b < a <= 1");
        assertThatIllegalArgumentException().isThrownBy(() -> new GradeCutoffs(1.1, 0.6, 0.5, 0.4));
        assertThatIllegalArgumentException().isThrownBy(() -> new GradeCutoffs(0.6, 0.5, 0.4, 0.0));
    }
}
