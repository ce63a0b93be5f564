package dev.peregrine.signal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.signal.domain.analyst.Stance;
import dev.peregrine.signal.domain.calibration.CalibrationMethod;
import dev.peregrine.signal.domain.calibration.ConfidenceCalibration;
import dev.peregrine.signal.domain.calibration.GradeCutoffs;
import dev.peregrine.signal.domain.consensus.ConsensusResult;
import dev.peregrine.signal.domain.consensus.Panels;
import dev.peregrine.signal.domain.consensus.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The validator with a calibration, and the minimum/target confidence rule (docs/signal-validation.md). */
class CalibratedValidationTest {

    private static final ConfidenceCalibration CALIBRATION = new ConfidenceCalibration(
            "iso-test",
            CalibrationMethod.ISOTONIC,
            List.of(
                    new ConfidenceCalibration.Step(0.20, 0.30),
                    new ConfidenceCalibration.Step(0.50, 0.48),
                    new ConfidenceCalibration.Step(0.70, 0.62)),
            null,
            Instant.parse("2021-01-01T00:00:00Z"),
            Instant.parse("2024-11-15T06:00:00Z"),
            "return after costs > 0",
            8,
            100);

    private static final ValidationConfig CALIBRATED =
            ValidationConfig.defaults().withCalibration(Optional.of(CALIBRATION), GradeCutoffs.DEFAULTS);

    /**
     * A bullish candidate on a clean candle, regime fit 1, the arbiter agreeing: strength = 40 c + 15 + 25 support +
     * 20 agreement.
     */
    private static SignalCandidate candidate(double confidence, double support, double agreement) {
        ConsensusResult consensus = new ConsensusResult(
                Stance.BULLISH, support, support, 0, agreement, 2, 0, false, 0, 1.0, 2, 0, List.of());
        return new SignalCandidate(
                Panels.opinion("momentum", Stance.BULLISH, confidence),
                1.0,
                false,
                new BigDecimal("100.00"),
                OptionalDouble.of(2.0),
                List.of(),
                OptionalDouble.of(1.0),
                consensus,
                new Verdict(Verdict.Decision.BULLISH, 0.4, "test"));
    }

    private static final SignalCandidate STRENGTH_80 = candidate(1.0, 0.2, 1.0); // 40 + 15 + 5 + 20
    private static final SignalCandidate STRENGTH_85 = candidate(1.0, 0.4, 1.0); // 40 + 15 + 10 + 20
    private static final SignalCandidate STRENGTH_65 = candidate(1.0, 0.4, 0.0); // 40 + 15 + 10
    private static final SignalCandidate STRENGTH_55 = candidate(1.0, 0.0, 0.0); // 40 + 15

    private static List<String> codes(SignalValidation v) {
        return v.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void withoutACalibrationTheConfidenceIsStrengthOverAHundredAndSaysSo() {
        SignalValidation v = new SignalValidator().validate(STRENGTH_65);
        assertThat(v.strength()).isEqualTo(65);
        assertThat(v.confidence()).isEqualTo(0.65);
        assertThat(v.grade()).isEqualTo(Grade.B);
        assertThat(v.calibrated()).isFalse();
        assertThat(v.calibrationVersion()).isNull();
        assertThat(codes(v)).doesNotContain("CALIBRATED", "BELOW_MIN_CONFIDENCE", "BELOW_TARGET_CONFIDENCE");
    }

    @Test
    void aCalibrationMapsTheRawScoreAndTheGradeIsItsBand() {
        SignalValidator validator = new SignalValidator(CALIBRATED);
        SignalValidation high = validator.validate(STRENGTH_80);
        assertThat(high.strength()).isEqualTo(80);
        assertThat(high.confidence()).isEqualTo(CALIBRATION.probability(0.80)).isEqualTo(0.62);
        assertThat(high.grade()).isEqualTo(Grade.A); // 0.62 >= 0.60
        assertThat(high.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(high.sizeMultiplier()).isEqualTo(1.0);
        assertThat(high.calibrationVersion()).isEqualTo("iso-test");
        assertThat(codes(high)).contains("CALIBRATED", "GRADE_A");

        // Strength 65 is B on strength, but its calibrated 0.48 is a D: skipped.
        SignalValidation middle = validator.validate(STRENGTH_65);
        assertThat(middle.confidence()).isEqualTo(0.48);
        assertThat(middle.grade()).isEqualTo(Grade.D);
        assertThat(middle.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(middle.tradeable()).isFalse();
    }

    @Test
    void aLaterStepsDecisionKeepsTheCalibratedConfidenceAndItsVersion() {
        SignalValidation calibrated = new SignalValidator(CALIBRATED).validate(STRENGTH_80);
        SignalValidation skipped = calibrated.decidedAgain(
                RecommendedAction.SKIP, 0.0, false, List.of(Reason.of("LATER_STEP", "a later step skipped it")));
        assertThat(skipped.calibrationVersion()).isEqualTo("iso-test");
        assertThat(skipped.confidence()).isEqualTo(calibrated.confidence());
        assertThat(skipped.grade()).isEqualTo(calibrated.grade());
        assertThat(skipped.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(skipped.tradeable()).isFalse();
    }

    @Test
    void belowTheMinimumConfidenceASignalIsSkipped() {
        SignalValidator validator =
                new SignalValidator(ValidationConfig.defaults().withConfidenceRule(0.70, 0.0));
        SignalValidation below = validator.validate(STRENGTH_65); // B, TRADE without the rule
        assertThat(below.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(below.tradeable()).isFalse();
        assertThat(below.sizeMultiplier()).isZero();
        assertThat(codes(below)).contains("BELOW_MIN_CONFIDENCE");
        SignalValidation above = validator.validate(STRENGTH_80);
        assertThat(above.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(above.sizeMultiplier()).isEqualTo(1.0);
        assertThat(codes(above)).doesNotContain("BELOW_MIN_CONFIDENCE");
    }

    @Test
    void belowTheTargetTheSizeIsScaledByConfidenceOverTarget() {
        SignalValidator validator =
                new SignalValidator(ValidationConfig.defaults().withConfidenceRule(0.70, 0.85));
        SignalValidation scaled = validator.validate(STRENGTH_80); // A: full size 1.0
        assertThat(scaled.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(scaled.sizeMultiplier()).isEqualTo(0.94); // 0.80 / 0.85 = 0.941, floored
        assertThat(codes(scaled)).contains("BELOW_TARGET_CONFIDENCE");
        SignalValidation full = validator.validate(STRENGTH_85);
        assertThat(full.sizeMultiplier()).isEqualTo(1.0);
        assertThat(codes(full)).doesNotContain("BELOW_TARGET_CONFIDENCE");
        assertThat(validator.validate(STRENGTH_55).action()).isEqualTo(RecommendedAction.SKIP);
    }

    @Test
    void theRuleAppliesToTheCalibratedConfidence() {
        SignalValidator validator = new SignalValidator(CALIBRATED.withConfidenceRule(0.70, 0.85));
        SignalValidation v = validator.validate(STRENGTH_85); // raw 0.85, calibrated 0.62
        assertThat(v.confidence()).isEqualTo(0.62);
        assertThat(v.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(codes(v)).contains("BELOW_MIN_CONFIDENCE");
    }

    @Test
    void confidenceRulesOutOfRangeAreRefused() {
        ValidationConfig defaults = ValidationConfig.defaults();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.withConfidenceRule(0.80, 0.70))
                .withMessageContaining("targetConfidence");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.withConfidenceRule(1.0, 0.0))
                .withMessageContaining("minConfidence");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults.withConfidenceRule(-0.1, 0.0))
                .withMessageContaining("minConfidence");
        assertThat(defaults.withConfidenceRule(0.0, 0.85).targetConfidence()).isEqualTo(0.85);
    }
}
