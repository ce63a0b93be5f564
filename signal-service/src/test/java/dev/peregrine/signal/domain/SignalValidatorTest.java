package dev.peregrine.signal.domain;

import static dev.peregrine.signal.domain.analyst.Stance.BEARISH;
import static dev.peregrine.signal.domain.analyst.Stance.BULLISH;
import static dev.peregrine.signal.domain.analyst.Stance.NEUTRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.analyst.Stance;
import dev.peregrine.signal.domain.consensus.ConsensusResult;
import dev.peregrine.signal.domain.consensus.DebateRecord;
import dev.peregrine.signal.domain.consensus.Deliberation;
import dev.peregrine.signal.domain.consensus.PanelMember;
import dev.peregrine.signal.domain.consensus.Panels;
import dev.peregrine.signal.domain.consensus.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalValidatorTest {

    private final SignalValidator validator = new SignalValidator();

    /** A consensus in {@code direction} with the given support (|net|), agreement and conflict penalty. */
    private static ConsensusResult consensus(Stance direction, double support, double agreement, double penalty) {
        double net = direction == BEARISH ? -support : support;
        return new ConsensusResult(
                direction,
                net,
                Math.max(net, 0),
                Math.max(-net, 0),
                agreement,
                2,
                0,
                penalty > 0,
                penalty,
                1.0,
                2,
                0,
                List.of());
    }

    private static final ConsensusResult NO_CONSENSUS =
            new ConsensusResult(NEUTRAL, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, List.of());

    private static Verdict verdict(Verdict.Decision decision) {
        return new Verdict(decision, decision == Verdict.Decision.HOLD ? 0.1 : 0.4, "test");
    }

    /** A candidate built step by step; defaults: clean candle, close 100.00, ATR 2, normal volatility, HOLD. */
    private static final class Candidate {
        Stance stance = BULLISH;
        double confidence = 0.7;
        double regimeWeight = 1.0;
        boolean paused;
        String close = "100.00";
        OptionalDouble atr = OptionalDouble.of(2.0);
        List<String> flags = List.of();
        OptionalDouble volatility = OptionalDouble.of(1.0);
        ConsensusResult consensus = NO_CONSENSUS;
        Verdict verdict = SignalValidatorTest.verdict(Verdict.Decision.HOLD);

        Candidate confidence(double value) {
            confidence = value;
            return this;
        }

        Candidate regimeWeight(double value) {
            regimeWeight = value;
            return this;
        }

        Candidate consensus(double support, double agreement) {
            consensus = SignalValidatorTest.consensus(stance, support, agreement, 0.0);
            return this;
        }

        Candidate verdict(Verdict.Decision decision) {
            verdict = SignalValidatorTest.verdict(decision);
            return this;
        }

        SignalCandidate build() {
            return new SignalCandidate(
                    Panels.opinion("momentum", stance, confidence),
                    regimeWeight,
                    paused,
                    new BigDecimal(close),
                    atr,
                    flags,
                    volatility,
                    consensus,
                    verdict);
        }
    }

    private static Candidate candidate() {
        return new Candidate();
    }

    /** Candidates reaching exactly the lower or upper edge of each grade (see gradesAtTheirExactBoundaries). */
    private static Candidate ofStrength(int strength) {
        return switch (strength) {
            case 80 -> candidate().confidence(1.0).consensus(0.2, 1.0); // 40 + 15 + 25 x 0.2 + 20
            case 79 -> candidate().confidence(1.0).consensus(0.16, 1.0); // 40 + 15 + 4 + 20
            case 65 -> candidate().confidence(1.0).consensus(0.4, 0.0); // 40 + 15 + 10
            case 64 -> candidate().confidence(1.0).consensus(0.36, 0.0); // 40 + 15 + 9
            case 50 -> candidate().confidence(0.875); // 35 + 15
            case 49 -> candidate().confidence(0.85); // 34 + 15
            case 35 -> candidate().confidence(0.875).regimeWeight(0.0); // 35
            case 34 -> candidate().confidence(0.85).regimeWeight(0.0); // 34
            default -> throw new IllegalArgumentException("no recipe for " + strength);
        };
    }

    private static List<String> codes(SignalValidation validation) {
        return validation.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void strengthFollowsTheDocumentedFormula() {
        Candidate c = candidate().confidence(0.72).consensus(0.4, 0.6).verdict(Verdict.Decision.BULLISH);
        SignalValidation v = validator.validate(c.build());
        // 0.40 x 0.72 + 0.15 x 1 + (1 - 0) x (0.25 x 0.4 + 0.20 x 0.6) = 0.288 + 0.15 + 0.1 + 0.12 = 0.658
        assertThat(v.breakdown().score()).isCloseTo(0.658, within(1e-12));
        assertThat(v.strength()).isEqualTo(66);
        assertThat(v.grade()).isEqualTo(Grade.B);
        assertThat(v.confidence()).isEqualTo(0.66);
        assertThat(v.side()).isEqualTo(Side.BUY);
        assertThat(v.analystId()).isEqualTo("momentum");
        assertThat(v.breakdown())
                .isEqualTo(new SignalValidation.Breakdown(
                        0.72, 0.4, 0.6, 1.0, 0.0, v.breakdown().score(), 1.0));
        assertThat(codes(v)).containsExactly("MOMENTUM_BULLISH", "STRENGTH", "GRADE_B", "VERDICT_AGREES");
        assertThat(v.reasons().get(1).detail())
                .isEqualTo("0.400 x confidence 0.720 + 0.150 x regime fit 1.000 + (1 - conflict 0.000)"
                        + " x (0.250 x support 0.400 + 0.200 x agreement 0.600) = 0.658: strength 66");
    }

    @Test
    void theConflictPenaltyDiscountsOnlyWhatThePanelAdds() {
        Candidate c = candidate().confidence(0.8);
        c.consensus = consensus(BULLISH, 0.4, 0.6, 0.3);
        SignalValidation v = validator.validate(c.build());
        // 0.32 + 0.15 + 0.7 x (0.1 + 0.12) = 0.624
        assertThat(v.breakdown().score()).isCloseTo(0.624, within(1e-12));
        assertThat(v.strength()).isEqualTo(62);
        assertThat(codes(v)).contains("CONFLICT");
    }

    @Test
    void supportOnlyCountsWhenTheConsensusPointsTheCandidatesWay() {
        Candidate c = candidate().confidence(0.8);
        c.consensus = consensus(BEARISH, 0.4, 0.6, 0.0);
        SignalValidation v = validator.validate(c.build());
        assertThat(v.breakdown().consensusSupport()).isZero();
        assertThat(v.breakdown().agreement()).isZero();
        assertThat(v.strength()).isEqualTo(47); // 32 + 15
        // Leading on the net score without enough agreeing analysts: agreement counts, support does not.
        c.consensus = new ConsensusResult(NEUTRAL, 0.3, 0.3, 0, 0.25, 1, 0, false, 0, 4, 3, 0, List.of());
        SignalValidation lone = validator.validate(c.build());
        assertThat(lone.breakdown().consensusSupport()).isZero();
        assertThat(lone.breakdown().agreement()).isEqualTo(0.25);
        assertThat(lone.strength()).isEqualTo(52); // 32 + 15 + 5
    }

    @Test
    void regimeFitIsTheRegimeWeightCappedAtTheFullWeight() {
        SignalValidation misfit =
                validator.validate(candidate().confidence(1.0).regimeWeight(0.6).build());
        assertThat(misfit.breakdown().regimeFit()).isEqualTo(0.6);
        assertThat(misfit.strength()).isEqualTo(49); // 40 + 15 x 0.6
        assertThat(codes(misfit)).contains("REGIME_MISFIT");
        SignalValidation heavy =
                validator.validate(candidate().confidence(1.0).regimeWeight(1.6).build());
        assertThat(heavy.breakdown().regimeFit()).isEqualTo(1.0);
        assertThat(codes(heavy)).doesNotContain("REGIME_MISFIT");
        SignalValidator lenient = new SignalValidator(new ValidationConfig(0.5, 2.0, 0.25));
        assertThat(lenient.validate(
                                candidate().confidence(1.0).regimeWeight(0.5).build())
                        .breakdown()
                        .regimeFit())
                .isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({"100, A", "80, A", "79, B", "65, B", "64, C", "50, C", "49, D", "35, D", "34, F", "0, F"})
    void gradeCutOffs(int strength, Grade grade) {
        assertThat(SignalValidator.gradeOf(strength)).isEqualTo(grade);
    }

    @ParameterizedTest
    @CsvSource({"80, A", "79, B", "65, B", "64, C", "50, C", "49, D", "35, D", "34, F"})
    void gradesAtTheirExactBoundaries(int strength, Grade grade) {
        SignalValidation v = validator.validate(ofStrength(strength).build());
        assertThat(v.strength()).isEqualTo(strength);
        assertThat(v.grade()).isEqualTo(grade);
        assertThat(v.confidence()).isEqualTo(strength / 100.0);
        assertThat(codes(v)).contains("GRADE_" + grade);
    }

    @ParameterizedTest(name = "grade {0} ({1}) with verdict {2}: {3} at size {4}")
    @CsvSource({
        "A, 80, BULLISH, TRADE,  1.0",
        "A, 80, HOLD,    REDUCE, 0.5",
        "A, 80, BEARISH, SKIP,   0.0",
        "B, 65, BULLISH, TRADE,  0.75",
        "B, 79, HOLD,    REDUCE, 0.5",
        "B, 65, BEARISH, SKIP,   0.0",
        "C, 64, BULLISH, REDUCE, 0.5",
        "C, 50, HOLD,    REDUCE, 0.5",
        "C, 64, BEARISH, SKIP,   0.0",
        "D, 49, BULLISH, SKIP,   0.0",
        "D, 35, HOLD,    SKIP,   0.0",
        "F, 34, BULLISH, SKIP,   0.0",
        "F, 34, HOLD,    SKIP,   0.0"
    })
    void actionRules(Grade grade, int strength, Verdict.Decision verdict, RecommendedAction action, double size) {
        SignalValidation v =
                validator.validate(ofStrength(strength).verdict(verdict).build());
        assertThat(v.grade()).isEqualTo(grade);
        assertThat(v.action()).isEqualTo(action);
        assertThat(v.sizeMultiplier()).isEqualTo(size);
        assertThat(v.tradeable()).isEqualTo(action != RecommendedAction.SKIP);
        String verdictCode = switch (verdict) {
            case BULLISH -> "VERDICT_AGREES";
            case HOLD -> "VERDICT_HOLD";
            case BEARISH -> "VERDICT_OPPOSES";
        };
        assertThat(codes(v)).contains(verdictCode);
    }

    @Test
    void actionTableAsAFunction() {
        assertThat(SignalValidator.actionOf(Grade.A, true)).isEqualTo(RecommendedAction.TRADE);
        assertThat(SignalValidator.actionOf(Grade.B, false)).isEqualTo(RecommendedAction.REDUCE);
        assertThat(SignalValidator.actionOf(Grade.C, true)).isEqualTo(RecommendedAction.REDUCE);
        assertThat(SignalValidator.actionOf(Grade.D, true)).isEqualTo(RecommendedAction.SKIP);
        assertThat(SignalValidator.sizeMultiplierOf(RecommendedAction.TRADE, Grade.A))
                .isEqualTo(1.0);
        assertThat(SignalValidator.sizeMultiplierOf(RecommendedAction.TRADE, Grade.B))
                .isEqualTo(0.75);
        assertThat(SignalValidator.sizeMultiplierOf(RecommendedAction.REDUCE, Grade.A))
                .isEqualTo(0.5);
        assertThat(SignalValidator.sizeMultiplierOf(RecommendedAction.SKIP, Grade.A))
                .isZero();
    }

    @Test
    void aSellMirrorsABuy() {
        Candidate buy = ofStrength(80).verdict(Verdict.Decision.BULLISH);
        Candidate sell = new Candidate();
        sell.stance = BEARISH;
        sell.confidence(1.0).consensus(0.2, 1.0).verdict(Verdict.Decision.BEARISH);
        SignalValidation b = validator.validate(buy.build());
        SignalValidation s = validator.validate(sell.build());
        assertThat(s.side()).isEqualTo(Side.SELL);
        assertThat(s.strength()).isEqualTo(b.strength());
        assertThat(s.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(s.stopPrice()).isEqualByComparingTo("104.00");
        assertThat(b.stopPrice()).isEqualByComparingTo("96.00");
        // A bearish verdict opposes a buy; a bullish one opposes a sell.
        assertThat(validator
                        .validate(buy.verdict(Verdict.Decision.BEARISH).build())
                        .action())
                .isEqualTo(RecommendedAction.SKIP);
        assertThat(validator
                        .validate(sell.verdict(Verdict.Decision.BULLISH).build())
                        .action())
                .isEqualTo(RecommendedAction.SKIP);
    }

    @Test
    void aFlaggedCandleIsSkippedWithStrengthZeroAndItsFlagsListed() {
        Candidate c = ofStrength(80).verdict(Verdict.Decision.BULLISH);
        c.flags = List.of("GAP", "VOLUME_SPIKE");
        SignalValidation v = validator.validate(c.build());
        assertThat(v.strength()).isZero();
        assertThat(v.grade()).isEqualTo(Grade.F);
        assertThat(v.confidence()).isZero();
        assertThat(v.sizeMultiplier()).isZero();
        assertThat(v.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(v.tradeable()).isFalse();
        assertThat(v.breakdown().score()).isCloseTo(0.8, within(1e-12)); // what it would have been, for the record
        assertThat(v.reasons())
                .filteredOn(r -> r.code().equals("DATA_QUALITY"))
                .singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("GAP", "VOLUME_SPIKE"));
        assertThat(v.reasons())
                .filteredOn(r -> r.code().equals("STRENGTH"))
                .singleElement()
                .satisfies(r -> assertThat(r.detail()).endsWith("strength 0 on a flagged candle"));
    }

    @Test
    void anUnusableStopSkipsTheSignal() {
        Candidate c = ofStrength(80).verdict(Verdict.Decision.BULLISH);
        c.close = "3.00"; // ATR 2: the stop would be 3 - 4 = -1
        SignalValidation v = validator.validate(c.build());
        assertThat(v.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(v.tradeable()).isFalse();
        assertThat(v.sizeMultiplier()).isZero();
        assertThat(v.strength()).isEqualTo(80);
        assertThat(v.grade()).isEqualTo(Grade.A);
        assertThat(codes(v)).contains("INVALID_STOP");
        assertThat(v.stopPrice()).isEqualTo(v.referencePrice());

        c.close = "4.00"; // exactly zero
        assertThat(codes(validator.validate(c.build()))).contains("INVALID_STOP");
        c.close = "100.00";
        c.atr = OptionalDouble.empty();
        assertThat(codes(validator.validate(c.build()))).contains("INVALID_STOP");
        c.atr = OptionalDouble.of(0.0);
        assertThat(validator.validate(c.build()).action()).isEqualTo(RecommendedAction.SKIP);
        c.atr = OptionalDouble.of(2.0);
        assertThat(codes(validator.validate(c.build()))).doesNotContain("INVALID_STOP");
    }

    @Test
    void stopIsTwoAtrsAwayRoundedToTheClosesScaleAwayFromTheClose() {
        Candidate buy = ofStrength(80);
        buy.close = "100.25";
        buy.atr = OptionalDouble.of(1.234);
        SignalValidation v = validator.validate(buy.build());
        assertThat(v.referencePrice()).isEqualTo(new BigDecimal("100.25"));
        assertThat(v.stopPrice()).isEqualTo(new BigDecimal("97.78")); // 100.25 - 2.468 = 97.782, floored
        Candidate sell = new Candidate();
        sell.stance = BEARISH;
        sell.close = "100.25";
        sell.atr = OptionalDouble.of(1.234);
        assertThat(validator.validate(sell.build()).stopPrice()).isEqualTo(new BigDecimal("102.72")); // 102.718, ceiled
    }

    @Test
    void aPausedAnalystKeepsItsScoreAndActionButIsNeverTradeable() {
        Candidate c = ofStrength(80).verdict(Verdict.Decision.BULLISH);
        SignalValidation active = validator.validate(c.build());
        c.paused = true;
        SignalValidation paused = validator.validate(c.build());
        assertThat(paused.tradeable()).isFalse();
        assertThat(paused.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(paused.strength()).isEqualTo(active.strength());
        assertThat(paused.sizeMultiplier()).isEqualTo(active.sizeMultiplier());
        assertThat(codes(paused)).endsWith("STRATEGY_PAUSED");
        assertThat(codes(active)).doesNotContain("STRATEGY_PAUSED");
        assertThat(active.tradeable()).isTrue();
    }

    @Test
    void extremeVolatilityDampsTheSizeMultiplier() {
        Candidate a = ofStrength(80).verdict(Verdict.Decision.BULLISH);
        a.volatility = OptionalDouble.of(3.0);
        SignalValidation damped = validator.validate(a.build());
        assertThat(damped.action()).isEqualTo(RecommendedAction.TRADE);
        assertThat(damped.breakdown().volatilityDamping()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(damped.sizeMultiplier()).isEqualTo(0.66); // 1.0 x 2/3, floored
        assertThat(damped.strength()).isEqualTo(80);
        assertThat(codes(damped)).contains("VOLATILITY_DAMPED");

        Candidate b = ofStrength(65).verdict(Verdict.Decision.BULLISH);
        b.volatility = OptionalDouble.of(3.0);
        assertThat(validator.validate(b.build()).sizeMultiplier()).isEqualTo(0.5); // 0.75 x 2/3

        a.volatility = OptionalDouble.of(100.0);
        assertThat(validator.validate(a.build()).sizeMultiplier()).isEqualTo(0.25); // floor of the damping
        a.volatility = OptionalDouble.of(2.0); // at the threshold: not damped
        assertThat(validator.validate(a.build()).sizeMultiplier()).isEqualTo(1.0);
        assertThat(codes(validator.validate(a.build()))).doesNotContain("VOLATILITY_DAMPED", "VOLATILITY_UNKNOWN");
        a.volatility = OptionalDouble.empty();
        SignalValidation unknown = validator.validate(a.build());
        assertThat(unknown.sizeMultiplier()).isEqualTo(1.0);
        assertThat(codes(unknown)).contains("VOLATILITY_UNKNOWN");

        double previous = 1.0;
        for (double ratio = 0.0; ratio <= 20.0; ratio += 0.05) {
            a.volatility = OptionalDouble.of(ratio);
            double size = validator.validate(a.build()).sizeMultiplier();
            assertThat(size).isBetween(0.25, 1.0).isLessThanOrEqualTo(previous);
            previous = size;
        }
    }

    @Test
    void moreAgreementOrSupportOrLessConflictNeverLowersTheStrength() {
        for (double confidence = 0.0; confidence <= 1.0; confidence += 0.1) {
            for (double penalty = 0.0; penalty <= 1.0; penalty += 0.25) {
                int previousRow = -1;
                for (double support = 0.0; support <= 1.0; support += 0.05) {
                    int previous = -1;
                    for (double agreement = 0.0; agreement <= 1.0; agreement += 0.05) {
                        Candidate c = candidate().confidence(Math.min(1.0, confidence));
                        c.consensus = consensus(BULLISH, support, agreement, penalty);
                        int strength = validator.validate(c.build()).strength();
                        assertThat(strength).isBetween(0, 100).isGreaterThanOrEqualTo(previous);
                        previous = strength;
                    }
                    assertThat(previous).isGreaterThanOrEqualTo(previousRow);
                    previousRow = previous;
                }
            }
        }
        Candidate c = candidate().confidence(0.8);
        int last = 101;
        for (double penalty = 0.0; penalty <= 1.0; penalty += 0.05) {
            c.consensus = consensus(BULLISH, 0.5, 0.7, penalty);
            int strength = validator.validate(c.build()).strength();
            assertThat(strength).isLessThanOrEqualTo(last);
            last = strength;
        }
    }

    /**
     * Every panel of four other analysts, each BEARISH, NEUTRAL or BULLISH (at two confidences), with unequal
     * weights: moving any one of them one step towards the candidate's side never lowers the candidate's
     * strength, whatever happens to the consensus direction, the agreeing count and the conflict flag.
     */
    @Test
    void moreAgreementInThePanelNeverLowersTheCandidatesStrength() {
        String[] others = {"breakout", "order-flow", "mean-reversion", "chart-patterns"};
        double[] weights = {0.9, 0.6, 0.3, 1.0};
        // Steps towards agreement with a BULLISH candidate.
        List<StanceStep> ladder = List.of(
                new StanceStep(BEARISH, 0.9),
                new StanceStep(BEARISH, 0.4),
                new StanceStep(NEUTRAL, 0.0),
                new StanceStep(BULLISH, 0.4),
                new StanceStep(BULLISH, 0.9));
        Deliberation deliberation = Deliberation.withDefaults();
        int checked = 0;
        for (boolean candidatePaused : new boolean[] {false, true}) {
            int combinations = (int) Math.pow(ladder.size(), others.length);
            for (int code = 0; code < combinations; code++) {
                int[] steps = digits(code, ladder.size(), others.length);
                int base = strengthOf(deliberation, others, weights, ladder, steps, candidatePaused);
                for (int i = 0; i < others.length; i++) {
                    if (steps[i] + 1 < ladder.size()) {
                        int[] more = steps.clone();
                        more[i]++;
                        int after = strengthOf(deliberation, others, weights, ladder, more, candidatePaused);
                        assertThat(after)
                                .as("moving %s up from %s", others[i], ladder.get(steps[i]))
                                .isGreaterThanOrEqualTo(base);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(2 * 4 * 4 * 125);
    }

    private record StanceStep(Stance stance, double confidence) {}

    private static int[] digits(int code, int base, int count) {
        int[] digits = new int[count];
        for (int i = 0; i < count; i++) {
            digits[i] = code % base;
            code /= base;
        }
        return digits;
    }

    private int strengthOf(
            Deliberation deliberation,
            String[] others,
            double[] weights,
            List<StanceStep> ladder,
            int[] steps,
            boolean candidatePaused) {
        Opinion candidate = Panels.opinion("momentum", BULLISH, 0.7);
        List<PanelMember> panel = new ArrayList<>();
        panel.add(new PanelMember(candidate, 0.8, candidatePaused));
        for (int i = 0; i < others.length; i++) {
            StanceStep step = ladder.get(steps[i]);
            panel.add(new PanelMember(Panels.opinion(others[i], step.stance(), step.confidence()), weights[i], false));
        }
        DebateRecord debate = deliberation.deliberate(panel);
        return validator
                .validate(new SignalCandidate(
                        candidate,
                        0.8,
                        candidatePaused,
                        new BigDecimal("100.00"),
                        OptionalDouble.of(2.0),
                        List.of(),
                        OptionalDouble.of(1.0),
                        debate.consensus(),
                        debate.verdict()))
                .strength();
    }

    @Test
    void theSameCandidateGetsTheSameValidation() {
        SignalCandidate c = candidate()
                .confidence(0.63)
                .consensus(0.31, 0.55)
                .verdict(Verdict.Decision.BULLISH)
                .build();
        assertThat(validator.validate(c)).isEqualTo(validator.validate(c));
        assertThat(new SignalValidator().validate(c)).isEqualTo(validator.validate(c));
    }

    @Test
    void badCandidatesAndConfigurationsAreRefused() {
        Candidate neutral = candidate();
        neutral.stance = NEUTRAL;
        assertThatThrownBy(neutral::build).hasMessageContaining("NEUTRAL");
        assertThatThrownBy(() -> candidate().regimeWeight(-1).build()).hasMessageContaining("regime weight");
        Candidate zeroClose = candidate();
        zeroClose.close = "0";
        assertThatThrownBy(zeroClose::build).hasMessageContaining("reference price");
        Candidate nanVolatility = candidate();
        nanVolatility.volatility = OptionalDouble.of(Double.NaN);
        assertThatThrownBy(nanVolatility::build).hasMessageContaining("volatility ratio");
        assertThatThrownBy(() -> new ValidationConfig(0, 2, 0.25)).hasMessageContaining("fullRegimeWeight");
        assertThatThrownBy(() -> new ValidationConfig(1, 0.5, 0.25)).hasMessageContaining("volatilityThreshold");
        assertThatThrownBy(() -> new ValidationConfig(1, 2, 0)).hasMessageContaining("minVolatilityDamping");
        assertThat(ValidationConfig.defaults()).isEqualTo(new ValidationConfig(1.0, 2.0, 0.25));
    }
}
