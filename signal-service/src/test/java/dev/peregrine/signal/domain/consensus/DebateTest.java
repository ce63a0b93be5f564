package dev.peregrine.signal.domain.consensus;

import static dev.peregrine.signal.domain.analyst.Stance.BEARISH;
import static dev.peregrine.signal.domain.analyst.Stance.BULLISH;
import static dev.peregrine.signal.domain.consensus.Panels.argument;
import static dev.peregrine.signal.domain.consensus.Panels.member;
import static dev.peregrine.signal.domain.consensus.Panels.neutral;
import static dev.peregrine.signal.domain.consensus.Panels.paused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.Opinion;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebateTest {

    private static final double EPS = 1e-12;

    /** W = 1.0 + 0.5 + 0.8 + 0.2 + 0.6 = 3.1 (the paused and the muted member do not count). */
    private static List<PanelMember> panel() {
        return List.of(
                new PanelMember(
                        new Opinion(
                                "breakout",
                                BULLISH,
                                0.6,
                                List.of(argument("breakout", "DONCHIAN"), argument("breakout", "VOLUME"))),
                        0.5,
                        false),
                member("momentum", BULLISH, 0.8, 1.0),
                member("order-flow", BEARISH, 0.5, 0.8),
                neutral("mean-reversion", 0.2),
                member("chart-patterns", BEARISH, 0.9, 0.6),
                paused("paused-one", BULLISH, 1.0, 1.0),
                member("muted-one", BEARISH, 1.0, 0.0));
    }

    @Test
    void bothCasesCarryTheirAdvocatesArgumentsAttributedStrongestFirst() {
        Debate debate = Debate.between(panel());

        // bull: momentum 0.8 x 1.0 = 0.80, breakout 0.6 x 0.5 = 0.30
        assertThat(debate.bull().side()).isEqualTo(BULLISH);
        assertThat(debate.bull().advocates())
                .extracting(Advocate::analystId, Advocate::weight, Advocate::confidence)
                .containsExactly(tuple("momentum", 1.0, 0.8), tuple("breakout", 0.5, 0.6));
        assertThat(debate.bull().advocates().getFirst().contribution()).isCloseTo(0.8 / 3.1, within(EPS));
        assertThat(debate.bull().arguments())
                .extracting(
                        a -> a.argument().name(),
                        AttributedArgument::analystId,
                        AttributedArgument::weight,
                        AttributedArgument::confidence)
                .containsExactly(
                        tuple("MOMENTUM_BULLISH", "momentum", 1.0, 0.8),
                        tuple("BREAKOUT_DONCHIAN", "breakout", 0.5, 0.6),
                        tuple("BREAKOUT_VOLUME", "breakout", 0.5, 0.6));
        assertThat(debate.bull().arguments().get(1).contribution()).isCloseTo(0.3 / 3.1, within(EPS));
        assertThat(debate.bull().score()).isCloseTo(1.1 / 3.1, within(EPS));

        // bear: chart-patterns 0.9 x 0.6 = 0.54 before order-flow 0.5 x 0.8 = 0.40
        assertThat(debate.bear().side()).isEqualTo(BEARISH);
        assertThat(debate.bear().arguments())
                .extracting(a -> a.argument().name(), AttributedArgument::analystId)
                .containsExactly(
                        tuple("CHART_PATTERNS_BEARISH", "chart-patterns"), tuple("ORDER_FLOW_BEARISH", "order-flow"));
        assertThat(debate.bear().score()).isCloseTo(0.94 / 3.1, within(EPS));

        // neither neutral, paused nor muted analysts argue
        List<String> speakers = java.util.stream.Stream.concat(
                        debate.bull().arguments().stream(), debate.bear().arguments().stream())
                .map(AttributedArgument::analystId)
                .distinct()
                .toList();
        assertThat(speakers).containsExactlyInAnyOrder("momentum", "breakout", "chart-patterns", "order-flow");
    }

    @Test
    void argumentsGoToTheCaseTheyLeanToWhateverTheStanceOfTheAnalystWhoMadeThem() {
        Argument cross = new Argument("BULL_EMA_CROSS_UP", 5, 0, "fast EMA crossed above the slow EMA");
        Argument weakTrend = new Argument("BEAR_WEAK_TREND", 14, 20, "ADX is low");
        Argument context = new Argument("REGIME_RANGING", 14, 20, "context");
        Argument selling = new Argument("BEAR_TAKER_SELLING", 0.3, 0.45, "takers sold");
        Argument inflow = new Argument("BULL_OBV_INFLOW", 0.2, 0.1, "OBV rose");
        Debate debate = Debate.between(List.of(
                new PanelMember(new Opinion("momentum", BULLISH, 0.6, List.of(cross, weakTrend, context)), 1.0, false),
                new PanelMember(new Opinion("order-flow", BEARISH, 0.5, List.of(selling, inflow)), 1.0, false)));

        assertThat(debate.bull().arguments())
                .extracting(
                        AttributedArgument::argument, AttributedArgument::analystId, AttributedArgument::analystStance)
                .containsExactly(
                        tuple(cross, "momentum", BULLISH),
                        tuple(context, "momentum", BULLISH),
                        tuple(inflow, "order-flow", BEARISH));
        assertThat(debate.bear().arguments())
                .extracting(
                        AttributedArgument::argument, AttributedArgument::analystId, AttributedArgument::analystStance)
                .containsExactly(tuple(selling, "order-flow", BEARISH), tuple(weakTrend, "momentum", BULLISH));
        assertThat(debate.bear().arguments().get(1).conceded(BEARISH)).isTrue();
        assertThat(debate.bear().arguments().get(1).contribution()).isCloseTo(0.6 / 2.0, within(EPS));
        // Concessions move no score: the cases still score their advocates' weighted confidence.
        assertThat(debate.bull().score()).isCloseTo(0.3, within(EPS));
        assertThat(debate.bear().score()).isCloseTo(0.25, within(EPS));
        assertThat(debate.bull().advocates()).extracting(Advocate::analystId).containsExactly("momentum");
        assertThat(debate.bear().advocates()).extracting(Advocate::analystId).containsExactly("order-flow");
    }

    @Test
    void caseScoresAreExactlyTheConsensusScores() {
        Debate debate = Debate.between(panel());
        ConsensusResult consensus = Consensus.withDefaults().compute(panel());
        assertThat(debate.bull().score()).isEqualTo(consensus.bullScore());
        assertThat(debate.bear().score()).isEqualTo(consensus.bearScore());
        double contributions = debate.bull().advocates().stream()
                .mapToDouble(Advocate::contribution)
                .sum();
        assertThat(contributions).isCloseTo(debate.bull().score(), within(EPS));
    }

    @Test
    void equalStrengthsAreOrderedByAnalystIdAndAnArgumentlessAdvocateStillCounts() {
        Debate debate = Debate.between(List.of(
                member("zeta", BULLISH, 0.5, 1.0),
                new PanelMember(new Opinion("alpha", BULLISH, 0.5, List.of()), 1.0, false),
                member("beta", BULLISH, 0.5, 1.0)));
        assertThat(debate.bull().advocates()).extracting(Advocate::analystId).containsExactly("alpha", "beta", "zeta");
        assertThat(debate.bull().arguments())
                .extracting(AttributedArgument::analystId)
                .containsExactly("beta", "zeta");
        assertThat(debate.bull().score()).isCloseTo(0.5, within(EPS));
        assertThat(debate.bear().advocates()).isEmpty();
        assertThat(debate.bear().arguments()).isEmpty();
        assertThat(debate.bear().score()).isZero();
    }

    @Test
    void aPanelWithoutVotersHasTwoEmptyCases() {
        Debate debate = Debate.between(List.of(paused("momentum", BULLISH, 1.0, 1.0)));
        assertThat(debate.bull().score()).isZero();
        assertThat(debate.bull().advocates()).isEmpty();
        assertThat(debate.bear().score()).isZero();
    }

    @Test
    void argumentsKeepTheirValuesAndTexts() {
        Argument macd = new Argument("MACD_HISTOGRAM", 12.5, 0.0, "MACD histogram 12.5 above 0");
        Debate debate = Debate.between(
                List.of(new PanelMember(new Opinion("momentum", BULLISH, 0.7, List.of(macd)), 1.0, false)));
        assertThat(debate.bull().arguments().getFirst().argument()).isEqualTo(macd);
    }
}
