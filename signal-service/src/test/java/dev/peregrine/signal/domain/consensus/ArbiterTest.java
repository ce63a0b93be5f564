package dev.peregrine.signal.domain.consensus;

import static dev.peregrine.signal.domain.analyst.Stance.BEARISH;
import static dev.peregrine.signal.domain.analyst.Stance.BULLISH;
import static dev.peregrine.signal.domain.consensus.Panels.member;
import static dev.peregrine.signal.domain.consensus.Panels.neutral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArbiterTest {

    private static final double EPS = 1e-12;
    private final Arbiter arbiter = Arbiter.withDefaults();
    private final Consensus consensus = Consensus.withDefaults();

    private Verdict judge(List<PanelMember> panel) {
        return arbiter.judge(Debate.between(panel), consensus.compute(panel));
    }

    /** Two bulls at {@code confidence} among four equally weighted voters: conviction = confidence / 2. */
    private static List<PanelMember> twoBullsOfFour(double confidence) {
        return List.of(
                member("momentum", BULLISH, confidence, 1.0),
                member("breakout", BULLISH, confidence, 1.0),
                neutral("order-flow", 1.0),
                neutral("mean-reversion", 1.0));
    }

    @Test
    void belowTheConvictionThresholdTheVerdictIsHold() {
        Verdict below = judge(twoBullsOfFour(0.48));
        assertThat(below.netConviction()).isCloseTo(0.24, within(EPS));
        assertThat(below.decision()).isEqualTo(Verdict.Decision.HOLD);
        assertThat(below.rationale()).contains("conviction 0.240", "below the threshold 0.250: HOLD");

        Verdict at = judge(twoBullsOfFour(0.5));
        assertThat(at.netConviction()).isEqualTo(0.25);
        assertThat(at.decision()).isEqualTo(Verdict.Decision.BULLISH);
        assertThat(at.agreesWith(BULLISH)).isTrue();
        assertThat(at.opposes(BEARISH)).isTrue();

        Verdict lenient = new Arbiter(new ArbiterConfig(0.2))
                .judge(Debate.between(twoBullsOfFour(0.48)), consensus.compute(twoBullsOfFour(0.48)));
        assertThat(lenient.decision()).isEqualTo(Verdict.Decision.BULLISH);
    }

    @Test
    void theNetOfBothCasesIsDiscountedByTheConflictPenalty() {
        // W = 4: bull (0.96 + 0.96) / 4 = 0.48, bear 1.2 / 4 = 0.30, penalty 0.5 x 0.30 / 0.48 = 0.3125
        List<PanelMember> contested = List.of(
                member("momentum", BULLISH, 0.96, 1.0),
                member("breakout", BULLISH, 0.96, 1.0),
                member("order-flow", BEARISH, 0.6, 2.0));
        Verdict verdict = judge(contested);
        assertThat(verdict.netConviction()).isCloseTo((0.48 - 0.30) * (1 - 0.3125), within(EPS)); // 0.12375
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.HOLD);
        assertThat(verdict.rationale())
                .contains(
                        "bull 0.480 (breakout 0.240, momentum 0.240)", "bear 0.300 (order-flow 0.300)", "|net| 0.180");
    }

    @Test
    void aClearBearishPanelGetsABearishVerdict() {
        List<PanelMember> bears = List.of(
                member("momentum", BEARISH, 0.9, 1.0),
                member("breakout", BEARISH, 0.7, 1.0),
                member("order-flow", BULLISH, 0.2, 1.0));
        Verdict verdict = judge(bears);
        assertThat(verdict.netConviction()).isCloseTo((1.6 - 0.2) / 3, within(EPS));
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.BEARISH);
        assertThat(verdict.agreesWith(BEARISH)).isTrue();
        assertThat(verdict.opposes(BULLISH)).isTrue();
        assertThat(verdict.rationale()).endsWith("at least the threshold 0.250: BEARISH");
    }

    @Test
    void withoutAConsensusDirectionTheVerdictIsHoldHoweverConvincedTheLoneAnalyst() {
        List<PanelMember> lone = List.of(member("momentum", BULLISH, 1.0, 1.0), neutral("breakout", 0.1));
        Verdict verdict = judge(lone);
        assertThat(verdict.netConviction()).isGreaterThan(0.9);
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.HOLD);
        assertThat(verdict.agreesWith(BULLISH)).isFalse();
        assertThat(verdict.opposes(BULLISH)).isFalse();
        assertThat(verdict.rationale()).contains("the consensus has no direction");
    }

    @Test
    void aVerdictNeverContradictsTheConsensusItIsGiven() {
        List<PanelMember> bulls = twoBullsOfFour(0.9);
        List<PanelMember> bears = List.of(member("momentum", BEARISH, 0.9, 1.0), member("breakout", BEARISH, 0.9, 1.0));
        Verdict mismatched = arbiter.judge(Debate.between(bulls), consensus.compute(bears));
        assertThat(mismatched.decision()).isEqualTo(Verdict.Decision.HOLD);
    }

    @Test
    void configurationAndVerdictsAreValidated() {
        assertThat(ArbiterConfig.defaults().convictionThreshold()).isEqualTo(0.25);
        assertThatThrownBy(() -> new ArbiterConfig(0.0)).hasMessageContaining("convictionThreshold");
        assertThatThrownBy(() -> new ArbiterConfig(1.01)).hasMessageContaining("convictionThreshold");
        assertThatThrownBy(() -> new Verdict(Verdict.Decision.HOLD, 1.5, "x")).hasMessageContaining("netConviction");
        assertThatThrownBy(() -> new Verdict(Verdict.Decision.HOLD, Double.NaN, "x"))
                .hasMessageContaining("netConviction");
    }
}
