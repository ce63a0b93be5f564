package dev.peregrine.signal.domain;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignalValidatorTest {

    private final SignalValidator validator = new SignalValidator();

    /** A BUY at {@code close} whose separation and slow-EMA slope are given in ATRs (ATR = 2). */
    private static SignalCandidate buy(String close, double separationAtr, double slopeAtr, List<String> flags) {
        double atr = 2.0;
        double slow = 100.0;
        return new SignalCandidate(Side.BUY, new BigDecimal(close),
                new IndicatorSnapshot(slow + separationAtr * atr, slow, slow - slopeAtr * atr, atr), flags);
    }

    private static SignalCandidate buy(double separationAtr, double slopeAtr) {
        return buy("100.00", separationAtr, slopeAtr, List.of());
    }

    private static List<String> codes(SignalValidation validation) {
        return validation.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void fullSeparationAndSlopeScore100GradeATrade() {
        SignalValidation v = validator.validate(buy(0.5, 0.1), false);
        assertThat(v.strength()).isEqualTo(100);
        assertThat(v.grade()).isEqualTo(Grade.A);
        assertThat(v.confidence()).isEqualTo(1.0);
        assertThat(v.sizeMultiplier()).isEqualTo(1.0);
        assertThat(v.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(v.tradeable()).isTrue();
        assertThat(codes(v)).containsExactly("EMA_CROSS_UP", "SEPARATION", "SLOW_EMA_SLOPE", "GRADE_A");
    }

    @Test
    void strengthFollowsTheDocumentedFormulaAndSaturates() {
        // 100 * (0.6 * min(1, 0.25/0.5) + 0.4 * min(1, 0.05/0.1)) = 50
        assertThat(validator.validate(buy(0.25, 0.05), false).strength()).isEqualTo(50);
        // 100 * (0.6 * 1 + 0.4 * 0) = 60: separation beyond half an ATR adds nothing, a falling slow EMA counts 0
        assertThat(validator.validate(buy(3.0, -0.5), false).strength()).isEqualTo(60);
        // 100 * (0.6 * 0.2 + 0.4 * 1) = 52
        assertThat(validator.validate(buy(0.1, 0.7), false).strength()).isEqualTo(52);
    }

    @Test
    void sellMirrorsBuy() {
        double atr = 2.0;
        SignalCandidate sell = new SignalCandidate(Side.SELL, new BigDecimal("100.00"),
                new IndicatorSnapshot(100.0 - 0.25 * atr, 100.0, 100.0 + 0.05 * atr, atr), List.of());
        SignalValidation v = validator.validate(sell, false);
        assertThat(v.strength()).isEqualTo(50);
        assertThat(codes(v)).startsWith("EMA_CROSS_DOWN");
        assertThat(v.stopPrice()).isEqualByComparingTo("104.00");
    }

    @Test
    void strengthIsMonotoneInSeparationAndSlope() {
        for (double slope = -0.1; slope <= 0.2; slope += 0.01) {
            int previous = -1;
            for (double separation = -0.2; separation <= 1.0; separation += 0.01) {
                int strength = validator.validate(buy(separation, slope), false).strength();
                assertThat(strength).isBetween(0, 100).isGreaterThanOrEqualTo(previous);
                previous = strength;
            }
        }
        for (double separation = 0; separation <= 0.6; separation += 0.05) {
            int previous = -1;
            for (double slope = -0.1; slope <= 0.3; slope += 0.005) {
                int strength = validator.validate(buy(separation, slope), false).strength();
                assertThat(strength).isGreaterThanOrEqualTo(previous);
                previous = strength;
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "100, A, 1.0, TRADE", "80, A, 1.0, TRADE", "79, B, 0.75, TRADE", "65, B, 0.75, TRADE",
            "64, C, 0.5, REDUCE", "50, C, 0.5, REDUCE", "49, D, 0.0, SKIP", "35, D, 0.0, SKIP",
            "34, F, 0.0, SKIP", "0, F, 0.0, SKIP"})
    void gradeCutOffsSizeAndAction(int strength, Grade grade, double size, RecommendedAction action) {
        assertThat(SignalValidator.gradeOf(strength)).isEqualTo(grade);
        assertThat(SignalValidator.sizeMultiplierOf(grade)).isEqualTo(size);
        assertThat(SignalValidator.actionOf(grade)).isEqualTo(action);
    }

    @Test
    void gradesComeOutOfValidationWithMatchingReasonAndTradeability() {
        SignalValidation f = validator.validate(buy(0.2, 0), false);
        assertThat(f.strength()).isEqualTo(24);
        assertThat(f.grade()).isEqualTo(Grade.F);
        assertThat(f.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(f.tradeable()).isFalse();
        assertThat(codes(f)).contains("GRADE_F");
        SignalValidation c = validator.validate(buy(0.25, 0.05), false);
        assertThat(c.grade()).isEqualTo(Grade.C);
        assertThat(c.action()).isEqualTo(RecommendedAction.REDUCE);
        assertThat(c.sizeMultiplier()).isEqualTo(0.5);
        assertThat(c.tradeable()).isTrue();
        assertThat(codes(c)).contains("GRADE_C");
        SignalValidation d = validator.validate(buy(0.2, 0.05), false);
        assertThat(d.strength()).isEqualTo(44);
        assertThat(d.grade()).isEqualTo(Grade.D);
        assertThat(d.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(d.tradeable()).isFalse();
        assertThat(codes(d)).contains("GRADE_D");
        SignalValidation bGrade = validator.validate(buy(0.5, 0.02), false);
        assertThat(bGrade.strength()).isEqualTo(68);
        assertThat(bGrade.grade()).isEqualTo(Grade.B);
        assertThat(bGrade.sizeMultiplier()).isEqualTo(0.75);
    }

    @Test
    void aFlaggedCandleIsSkippedWithStrengthZeroAndItsFlagsListed() {
        SignalValidation v = validator.validate(buy("100.00", 0.5, 0.1, List.of("GAP", "VOLUME_SPIKE")), false);
        assertThat(v.strength()).isZero();
        assertThat(v.grade()).isEqualTo(Grade.F);
        assertThat(v.confidence()).isZero();
        assertThat(v.sizeMultiplier()).isZero();
        assertThat(v.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(v.tradeable()).isFalse();
        assertThat(v.reasons()).filteredOn(r -> r.code().equals("DATA_QUALITY")).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("GAP", "VOLUME_SPIKE"));
    }

    @Test
    void aStopAtOrBelowZeroSkipsTheSignal() {
        // close 3.00, ATR 2: the stop would be 3 - 4 = -1
        SignalValidation v = validator.validate(buy("3.00", 0.5, 0.1, List.of()), false);
        assertThat(v.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(v.tradeable()).isFalse();
        assertThat(v.sizeMultiplier()).isZero();
        assertThat(v.strength()).isEqualTo(100);
        assertThat(codes(v)).contains("INVALID_STOP");
        assertThat(v.stopPrice()).isEqualTo(v.referencePrice());
        // exactly zero is invalid too
        assertThat(codes(validator.validate(buy("4.00", 0.5, 0.1, List.of()), false))).contains("INVALID_STOP");
    }

    @Test
    void stopIsTwoAtrsAwayRoundedToTheClosesScaleAwayFromTheClose() {
        SignalCandidate buy = new SignalCandidate(Side.BUY, new BigDecimal("100.25"),
                new IndicatorSnapshot(101, 100, 99.9, 1.234), List.of());
        SignalValidation v = validator.validate(buy, false);
        assertThat(v.referencePrice()).isEqualTo(new BigDecimal("100.25"));
        assertThat(v.stopPrice()).isEqualTo(new BigDecimal("97.78"));   // 100.25 - 2.468 = 97.782, floored
        SignalCandidate sell = new SignalCandidate(Side.SELL, new BigDecimal("100.25"),
                new IndicatorSnapshot(99, 100, 100.1, 1.234), List.of());
        assertThat(validator.validate(sell, false).stopPrice()).isEqualTo(new BigDecimal("102.72")); // 102.718, ceiled
    }

    @Test
    void aPausedStrategyKeepsItsScoreAndActionButIsNeverTradeable() {
        SignalValidation active = validator.validate(buy(0.5, 0.1), false);
        SignalValidation paused = validator.validate(buy(0.5, 0.1), true);
        assertThat(paused.tradeable()).isFalse();
        assertThat(paused.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(paused.strength()).isEqualTo(active.strength());
        assertThat(paused.sizeMultiplier()).isEqualTo(active.sizeMultiplier());
        assertThat(codes(paused)).contains("STRATEGY_PAUSED");
        assertThat(codes(active)).doesNotContain("STRATEGY_PAUSED");
    }

    @Test
    void noVolatilityMeansNoEvidence() {
        SignalCandidate flat = new SignalCandidate(Side.BUY, new BigDecimal("100"),
                new IndicatorSnapshot(100.5, 100, 99, 0.0), List.of());
        SignalValidation v = validator.validate(flat, false);
        assertThat(v.strength()).isZero();
        assertThat(codes(v)).contains("INVALID_STOP");
    }
}
