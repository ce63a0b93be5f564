package dev.peregrine.signal.domain;

import static dev.peregrine.signal.domain.analyst.Stance.BEARISH;
import static dev.peregrine.signal.domain.analyst.Stance.BULLISH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.consensus.AttributedArgument;
import dev.peregrine.signal.domain.consensus.DebateRecord;
import dev.peregrine.signal.domain.consensus.Deliberation;
import dev.peregrine.signal.domain.consensus.PanelMember;
import dev.peregrine.signal.domain.consensus.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/signal-validation.md, computed by the code: five analysts on one candle in a
 * TRENDING / HIGH volatility regime, with the regime weights of the classifier's default table when this was
 * written (hard-coded so the example stays fixed). Prints every number the document quotes and checks them,
 * so the document cannot drift from the code unnoticed.
 */
class SignalValidationWorkedExampleTest {

    private static final BigDecimal CLOSE = new BigDecimal("43250.50");
    private static final double ATR = 180.25;
    private static final double VOLATILITY_RATIO = 2.4;

    private record Analyst(Opinion opinion, double regimeWeight, double runtimeWeight, boolean paused) {
        PanelMember member() {
            return new PanelMember(opinion, regimeWeight * runtimeWeight, paused);
        }
    }

    private static Argument arg(String name, double value, double threshold, String text) {
        return new Argument(name, value, threshold, text);
    }

    private static final List<Analyst> PANEL = List.of(
            new Analyst(
                    new Opinion(
                            "momentum",
                            BULLISH,
                            0.78,
                            List.of(
                                    arg("MACD_HISTOGRAM_RISING", 14.2, 0.0, "MACD histogram 14.2 and rising"),
                                    arg("ADX_STRONG", 31.0, 25.0, "ADX 31 above 25"))),
                    1.3,
                    1.0,
                    false),
            new Analyst(
                    new Opinion(
                            "breakout",
                            BULLISH,
                            0.65,
                            List.of(
                                    arg("DONCHIAN_BREAKOUT", 43250.5, 43105.0, "close above the 20-bar high 43105.00"),
                                    arg("VOLUME_CONFIRMED", 2.3, 1.5, "volume z-score 2.3"))),
                    1.3,
                    0.8,
                    false),
            new Analyst(
                    new Opinion(
                            "order-flow",
                            BEARISH,
                            0.55,
                            List.of(arg("TAKER_SELLING", 0.41, 0.45, "taker-buy ratio 0.41 below 0.45"))),
                    1.0,
                    1.0,
                    false),
            new Analyst(
                    Opinion.neutral(
                            "mean-reversion", List.of(arg("NOT_RANGING", 31.0, 20.0, "ADX 31: not a ranging market"))),
                    0.3,
                    1.0,
                    false),
            new Analyst(
                    new Opinion(
                            "chart-patterns",
                            BULLISH,
                            0.5,
                            List.of(arg(
                                    "DOUBLE_BOTTOM_CONFIRMED", 43250.5, 43010.0, "close above the neckline 43010.00"))),
                    0.5,
                    1.0,
                    true));

    @Test
    void workedExample() {
        List<PanelMember> members = PANEL.stream().map(Analyst::member).toList();
        DebateRecord debate = Deliberation.withDefaults().deliberate(members);
        SignalValidator validator = new SignalValidator();
        List<SignalValidation> validations = new ArrayList<>();
        for (Analyst analyst : PANEL) {
            if (analyst.opinion().directional()) {
                validations.add(validator.validate(new SignalCandidate(
                        analyst.opinion(),
                        analyst.regimeWeight(),
                        analyst.paused(),
                        CLOSE,
                        OptionalDouble.of(ATR),
                        List.of(),
                        OptionalDouble.of(VOLATILITY_RATIO),
                        debate.consensus(),
                        debate.verdict())));
            }
        }

        var c = debate.consensus();
        System.out.printf(
                Locale.ROOT,
                "consensus: W=%.4f bull=%.4f bear=%.4f net=%.4f agreement=%.4f agreeing=%d opposing=%d "
                        + "conflict=%s penalty=%.4f direction=%s%n",
                c.activeWeight(),
                c.bullScore(),
                c.bearScore(),
                c.netScore(),
                c.agreement(),
                c.agreeingCount(),
                c.opposingCount(),
                c.conflict(),
                c.conflictPenalty(),
                c.direction());
        c.reasons().forEach(r -> System.out.println("  consensus reason " + r.code() + ": " + r.detail()));
        for (AttributedArgument a : debate.bull().arguments()) {
            System.out.printf(
                    Locale.ROOT,
                    "bull: %s (%s, w %.2f, c %.2f, contribution %.4f)%n",
                    a.argument().name(),
                    a.analystId(),
                    a.weight(),
                    a.confidence(),
                    a.contribution());
        }
        for (AttributedArgument a : debate.bear().arguments()) {
            System.out.printf(
                    Locale.ROOT,
                    "bear: %s (%s, w %.2f, c %.2f, contribution %.4f)%n",
                    a.argument().name(),
                    a.analystId(),
                    a.weight(),
                    a.confidence(),
                    a.contribution());
        }
        System.out.println("verdict: " + debate.verdict().decision() + " "
                + debate.verdict().rationale());
        for (SignalValidation v : validations) {
            SignalValidation.Breakdown b = v.breakdown();
            System.out.printf(
                    Locale.ROOT,
                    "%s %s: c=%.2f fit=%.2f support=%.4f agreement=%.4f penalty=%.2f score=%.4f strength=%d "
                            + "grade=%s confidence=%.2f action=%s damping=%.4f size=%.2f tradeable=%s stop=%s%n",
                    v.analystId(),
                    v.side(),
                    b.analystConfidence(),
                    b.regimeFit(),
                    b.consensusSupport(),
                    b.agreement(),
                    b.conflictPenalty(),
                    b.score(),
                    v.strength(),
                    v.grade(),
                    v.confidence(),
                    v.action(),
                    b.volatilityDamping(),
                    v.sizeMultiplier(),
                    v.tradeable(),
                    v.stopPrice().toPlainString());
            System.out.println(
                    "  reasons " + v.reasons().stream().map(Reason::code).toList());
        }

        // W = 1.3 + 1.04 + 1.0 + 0.3 = 3.64 (chart-patterns paused)
        assertThat(c.activeWeight()).isCloseTo(3.64, within(1e-12));
        assertThat(c.bullScore()).isCloseTo((0.78 * 1.3 + 0.65 * 1.04) / 3.64, within(1e-12));
        assertThat(c.bearScore()).isCloseTo(0.55 * 1.0 / 3.64, within(1e-12));
        assertThat(c.agreement()).isCloseTo(2.34 / 3.64, within(1e-12));
        assertThat(c.direction()).isEqualTo(BULLISH);
        assertThat(c.conflict()).isFalse();
        assertThat(debate.verdict().decision()).isEqualTo(Verdict.Decision.BULLISH);
        assertThat(debate.verdict().netConviction()).isCloseTo((1.69 - 0.55) / 3.64, within(1e-12));

        assertThat(validations)
                .extracting(
                        SignalValidation::analystId,
                        SignalValidation::strength,
                        SignalValidation::grade,
                        SignalValidation::action,
                        SignalValidation::sizeMultiplier,
                        SignalValidation::tradeable)
                .containsExactly(
                        tuple("momentum", 67, Grade.B, RecommendedAction.TRADE, 0.62, true),
                        tuple("breakout", 62, Grade.C, RecommendedAction.REDUCE, 0.41, true),
                        tuple("order-flow", 37, Grade.D, RecommendedAction.SKIP, 0.0, false),
                        tuple("chart-patterns", 48, Grade.D, RecommendedAction.SKIP, 0.0, false));
        assertThat(validations.getFirst().stopPrice()).isEqualTo(new BigDecimal("42890.00"));
        assertThat(validations.get(2).stopPrice()).isEqualTo(new BigDecimal("43611.00"));
    }
}
