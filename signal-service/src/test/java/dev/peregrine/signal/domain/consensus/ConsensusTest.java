package dev.peregrine.signal.domain.consensus;

import static dev.peregrine.signal.domain.analyst.Stance.BEARISH;
import static dev.peregrine.signal.domain.analyst.Stance.BULLISH;
import static dev.peregrine.signal.domain.analyst.Stance.NEUTRAL;
import static dev.peregrine.signal.domain.consensus.Panels.member;
import static dev.peregrine.signal.domain.consensus.Panels.neutral;
import static dev.peregrine.signal.domain.consensus.Panels.paused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusTest {

    private static final double EPS = 1e-12;
    private final Consensus consensus = Consensus.withDefaults();

    private static List<String> codes(ConsensusResult result) {
        return result.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void scoresAreWeightedConfidencesOverTheVotersTotalWeight() {
        ConsensusResult result = consensus.compute(List.of(
                member("momentum", BULLISH, 0.8, 1.0),
                member("breakout", BULLISH, 0.6, 0.5),
                member("order-flow", BEARISH, 0.5, 0.8),
                neutral("mean-reversion", 0.2),
                member("chart-patterns", BULLISH, 0.9, 0.0))); // muted: no score, no vote

        // W = 1.0 + 0.5 + 0.8 + 0.2 = 2.5
        assertThat(result.activeWeight()).isCloseTo(2.5, within(EPS));
        assertThat(result.activeCount()).isEqualTo(4);
        assertThat(result.bullScore()).isCloseTo((0.8 * 1.0 + 0.6 * 0.5) / 2.5, within(EPS)); // 0.44
        assertThat(result.bearScore()).isCloseTo(0.5 * 0.8 / 2.5, within(EPS)); // 0.16
        assertThat(result.netScore()).isCloseTo(0.28, within(EPS));
        assertThat(result.agreement()).isCloseTo(1.5 / 2.5, within(EPS));
        assertThat(result.agreeingCount()).isEqualTo(2);
        assertThat(result.opposingCount()).isEqualTo(1);
        assertThat(result.direction()).isEqualTo(BULLISH);
        assertThat(result.conflict()).isFalse();
        assertThat(result.conflictPenalty()).isZero();
        assertThat(codes(result)).containsExactly("CONSENSUS_BULLISH");
        assertThat(result.reasons().getFirst().detail()).contains("momentum, breakout", "net 0.280", "agreement 0.600");
    }

    @Test
    void weightsDecideBetweenEquallyConfidentSides() {
        List<PanelMember> bullsHeavier = List.of(
                member("momentum", BULLISH, 0.7, 1.0),
                member("breakout", BULLISH, 0.7, 1.0),
                member("order-flow", BEARISH, 0.7, 0.5),
                member("mean-reversion", BEARISH, 0.7, 0.5));
        List<PanelMember> bearsHeavier = List.of(
                member("momentum", BULLISH, 0.7, 0.5),
                member("breakout", BULLISH, 0.7, 0.5),
                member("order-flow", BEARISH, 0.7, 1.0),
                member("mean-reversion", BEARISH, 0.7, 1.0));
        assertThat(consensus.compute(bullsHeavier).direction()).isEqualTo(BULLISH);
        assertThat(consensus.compute(bearsHeavier).direction()).isEqualTo(BEARISH);
        assertThat(consensus.compute(bearsHeavier).netScore())
                .isCloseTo(-consensus.compute(bullsHeavier).netScore(), within(EPS));
        // Only ratios of weights matter.
        List<PanelMember> scaled = bullsHeavier.stream()
                .map(m -> new PanelMember(m.opinion(), m.weight() * 4, m.paused()))
                .toList();
        assertThat(consensus.compute(scaled).netScore())
                .isCloseTo(consensus.compute(bullsHeavier).netScore(), within(EPS));
    }

    @Test
    void neutralVotersDiluteScoresAndAgreement() {
        ConsensusResult without = consensus.compute(
                List.of(member("momentum", BULLISH, 0.8, 1.0), member("breakout", BULLISH, 0.8, 1.0)));
        ConsensusResult with = consensus.compute(List.of(
                member("momentum", BULLISH, 0.8, 1.0),
                member("breakout", BULLISH, 0.8, 1.0),
                neutral("order-flow", 1.0),
                neutral("mean-reversion", 1.0)));
        assertThat(without.netScore()).isCloseTo(0.8, within(EPS));
        assertThat(without.agreement()).isEqualTo(1.0);
        assertThat(with.netScore()).isCloseTo(0.4, within(EPS));
        assertThat(with.agreement()).isCloseTo(0.5, within(EPS));
        assertThat(with.direction()).isEqualTo(BULLISH);
    }

    @Test
    void pausedAnalystsAreLeftOutEntirely() {
        List<PanelMember> active = List.of(
                member("momentum", BULLISH, 0.7, 1.0),
                member("breakout", BULLISH, 0.6, 1.0),
                neutral("mean-reversion", 1.0));
        List<PanelMember> withPaused = List.of(
                member("momentum", BULLISH, 0.7, 1.0),
                member("breakout", BULLISH, 0.6, 1.0),
                neutral("mean-reversion", 1.0),
                paused("order-flow", BEARISH, 1.0, 5.0),
                paused("chart-patterns", BULLISH, 1.0, 5.0));
        ConsensusResult a = consensus.compute(active);
        ConsensusResult b = consensus.compute(withPaused);
        assertThat(b.netScore()).isEqualTo(a.netScore());
        assertThat(b.bullScore()).isEqualTo(a.bullScore());
        assertThat(b.bearScore()).isEqualTo(a.bearScore());
        assertThat(b.agreement()).isEqualTo(a.agreement());
        assertThat(b.agreeingCount()).isEqualTo(2);
        assertThat(b.opposingCount()).isZero();
        assertThat(b.activeWeight()).isEqualTo(3.0);
        assertThat(b.activeCount()).isEqualTo(3);
        assertThat(b.pausedCount()).isEqualTo(2);
        assertThat(codes(b)).containsExactly("PAUSED_EXCLUDED", "CONSENSUS_BULLISH");
        assertThat(b.reasons().getFirst().detail()).contains("order-flow, chart-patterns");
    }

    @Test
    void fewerAgreeingAnalystsThanTheMinimumGiveNoDirection() {
        List<PanelMember> lone =
                List.of(member("momentum", BULLISH, 0.9, 1.0), neutral("breakout", 1.0), neutral("order-flow", 1.0));
        ConsensusResult result = consensus.compute(lone);
        assertThat(result.direction()).isEqualTo(NEUTRAL);
        assertThat(result.leadingSide()).isEqualTo(BULLISH);
        assertThat(result.netScore()).isCloseTo(0.3, within(EPS));
        assertThat(result.agreeingCount()).isEqualTo(1);
        assertThat(codes(result)).containsExactly("TOO_FEW_AGREEING");
        assertThat(result.reasons().getFirst().detail()).contains("1 analyst(s) agree (momentum), 2 needed");
        assertThat(result.supportFor(BULLISH)).isZero();
        assertThat(result.agreementWith(BULLISH)).isCloseTo(1.0 / 3, within(EPS));

        assertThat(new Consensus(ConsensusConfig.defaults().withMinAgreeing(1))
                        .compute(lone)
                        .direction())
                .isEqualTo(BULLISH);
        List<PanelMember> two = List.of(
                member("momentum", BULLISH, 0.9, 1.0),
                member("breakout", BULLISH, 0.5, 1.0),
                neutral("order-flow", 1.0));
        assertThat(consensus.compute(two).direction()).isEqualTo(BULLISH);
        assertThat(new Consensus(ConsensusConfig.defaults().withMinAgreeing(3))
                        .compute(two)
                        .direction())
                .isEqualTo(NEUTRAL);
        // A muted analyst does not count as agreeing.
        List<PanelMember> muted = List.of(member("momentum", BULLISH, 0.9, 1.0), member("breakout", BULLISH, 0.9, 0.0));
        assertThat(consensus.compute(muted).direction()).isEqualTo(NEUTRAL);
        assertThat(consensus.compute(muted).agreeingCount()).isEqualTo(1);
    }

    @Test
    void strongOpinionsOnBothSidesAreAConflictPenalisedByHowEvenTheyAre() {
        // W = 4; bull = (0.96 + 0.96) / 4 = 0.48, bear = 1.2 / 4 = 0.30
        ConsensusResult result = consensus.compute(List.of(
                member("momentum", BULLISH, 0.96, 1.0),
                member("breakout", BULLISH, 0.96, 1.0),
                member("order-flow", BEARISH, 0.6, 2.0)));
        assertThat(result.bullScore()).isCloseTo(0.48, within(EPS));
        assertThat(result.bearScore()).isCloseTo(0.30, within(EPS));
        assertThat(result.conflict()).isTrue();
        assertThat(result.conflictPenalty()).isCloseTo(0.5 * 0.30 / 0.48, within(EPS)); // 0.3125
        assertThat(result.direction()).isEqualTo(BULLISH);
        assertThat(codes(result)).containsExactly("CONSENSUS_BULLISH", "CONFLICT");
        assertThat(result.reasons().getLast().detail()).contains("bull 0.480", "bear 0.300");

        ConsensusResult even = consensus.compute(
                List.of(member("momentum", BULLISH, 0.6, 1.0), member("order-flow", BEARISH, 0.6, 1.0)));
        assertThat(even.conflict()).isTrue();
        assertThat(even.conflictPenalty()).isEqualTo(0.5);
        assertThat(even.direction()).isEqualTo(NEUTRAL);
        assertThat(even.leadingSide()).isEqualTo(NEUTRAL);
        assertThat(even.agreement()).isZero();
        assertThat(codes(even)).containsExactly("NO_NET_DIRECTION", "CONFLICT");

        ConsensusConfig strict = new ConsensusConfig(2, 0.25, 1.0);
        assertThat(new Consensus(strict)
                        .compute(
                                List.of(member("momentum", BULLISH, 0.6, 1.0), member("order-flow", BEARISH, 0.6, 1.0)))
                        .conflictPenalty())
                .isEqualTo(1.0);
    }

    @Test
    void theConflictThresholdIsInclusiveAndOneStrongSideIsNoConflict() {
        // bear exactly 0.25 of W = 4
        ConsensusResult atThreshold = consensus.compute(
                List.of(member("momentum", BULLISH, 1.0, 2.0), member("order-flow", BEARISH, 0.5, 2.0)));
        assertThat(atThreshold.bearScore()).isEqualTo(0.25);
        assertThat(atThreshold.conflict()).isTrue();
        ConsensusResult below = consensus.compute(
                List.of(member("momentum", BULLISH, 1.0, 2.0), member("order-flow", BEARISH, 0.49, 2.0)));
        assertThat(below.conflict()).isFalse();
        assertThat(below.conflictPenalty()).isZero();
        ConsensusResult oneSided = consensus.compute(
                List.of(member("momentum", BULLISH, 1.0, 1.0), member("breakout", BULLISH, 1.0, 1.0)));
        assertThat(oneSided.conflict()).isFalse();
    }

    @Test
    void withoutVotersThereIsNothingToAgreeOn() {
        ConsensusResult nobody = consensus.compute(
                List.of(paused("momentum", BULLISH, 0.9, 1.0), member("breakout", BULLISH, 0.9, 0.0)));
        assertThat(nobody.direction()).isEqualTo(NEUTRAL);
        assertThat(nobody.netScore()).isZero();
        assertThat(nobody.agreement()).isZero();
        assertThat(nobody.activeCount()).isZero();
        assertThat(nobody.pausedCount()).isEqualTo(1);
        assertThat(codes(nobody)).containsExactly("PAUSED_EXCLUDED", "NO_ACTIVE_ANALYSTS");
        assertThat(codes(consensus.compute(List.of()))).containsExactly("NO_ACTIVE_ANALYSTS");
    }

    @Test
    void supportAndAgreementAreOnlyForTheSideThatLeads() {
        ConsensusResult bearish = consensus.compute(List.of(
                member("momentum", BEARISH, 0.8, 1.0),
                member("breakout", BEARISH, 0.6, 1.0),
                member("order-flow", BULLISH, 0.4, 1.0)));
        assertThat(bearish.direction()).isEqualTo(BEARISH);
        assertThat(bearish.netScore()).isCloseTo(-1.0 / 3, within(EPS));
        assertThat(bearish.supportFor(BEARISH)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(bearish.supportFor(BULLISH)).isZero();
        assertThat(bearish.agreementWith(BEARISH)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(bearish.agreementWith(BULLISH)).isZero();
        assertThat(bearish.supportFor(NEUTRAL)).isZero();
        assertThat(bearish.agreementWith(NEUTRAL)).isZero();
    }

    @Test
    void theSamePanelGivesTheSameResult() {
        List<PanelMember> panel = List.of(
                member("momentum", BULLISH, 0.73, 0.9),
                member("breakout", BEARISH, 0.41, 0.7),
                member("order-flow", BULLISH, 0.37, 0.3),
                neutral("mean-reversion", 0.2));
        assertThat(consensus.compute(panel)).isEqualTo(consensus.compute(List.copyOf(panel)));
    }

    @Test
    void badPanelsAndConfigurationsAreRefused() {
        assertThatThrownBy(() -> consensus.compute(
                        List.of(member("momentum", BULLISH, 0.5, 1.0), member("momentum", BEARISH, 0.5, 1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum appears twice");
        assertThatThrownBy(() -> member("momentum", BULLISH, 0.5, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> member("momentum", BULLISH, 0.5, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> member("momentum", BULLISH, 0.5, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsensusConfig(0, 0.25, 0.5)).hasMessageContaining("minAgreeing");
        assertThatThrownBy(() -> new ConsensusConfig(2, 0.0, 0.5)).hasMessageContaining("conflictThreshold");
        assertThatThrownBy(() -> new ConsensusConfig(2, 1.1, 0.5)).hasMessageContaining("conflictThreshold");
        assertThatThrownBy(() -> new ConsensusConfig(2, 0.25, -0.1)).hasMessageContaining("maxConflictPenalty");
        assertThatThrownBy(() -> new ConsensusConfig(2, 0.25, Double.NaN)).hasMessageContaining("maxConflictPenalty");
        assertThat(ConsensusConfig.defaults()).isEqualTo(new ConsensusConfig(2, 0.25, 0.5));
    }
}
