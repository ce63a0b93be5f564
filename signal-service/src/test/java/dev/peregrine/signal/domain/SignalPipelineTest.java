package dev.peregrine.signal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.domain.analyst.Stance;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.consensus.Verdict;
import dev.peregrine.signal.domain.regime.RegimeWeights;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SignalPipelineTest {

    private static final Function<String, AnalystStatus> ALL_ACTIVE = id -> new AnalystStatus(1.0, false);

    private final SignalPipeline pipeline = SignalPipeline.withDefaults();

    /** The series state right after the breakout bar of the breakout script. */
    private static SeriesState.Step.Applied breakoutBar() {
        SeriesState state = SeriesState.withDefaults();
        List<Bar> bars = MarketScripts.breakout(
                        "PIPUSDT",
                        Interval.FIFTEEN_MINUTES,
                        Instant.parse("2025-02-03T00:00:00Z"),
                        "42000.00",
                        i -> DerivedIds.from("pipeline", i))
                .stream()
                .map(MarketScripts::bar)
                .toList();
        SeriesState.Step step = null;
        for (Bar bar : bars.subList(0, MarketScripts.BREAKOUT + 1)) {
            step = state.advance(bar);
        }
        return (SeriesState.Step.Applied) step;
    }

    @Test
    void theBreakoutBarIsJudgedByAllFiveAndTradedByTheStrongOnes() {
        SeriesState.Step.Applied bar = breakoutBar();
        CandleAssessment assessment = pipeline.assess(bar.context(), bar.volatilityRatio(), ALL_ACTIVE);

        assertThat(assessment.seats())
                .extracting(PanelSeat::analystId)
                .containsExactly("momentum", "mean-reversion", "breakout", "order-flow", "chart-patterns");
        assertThat(assessment.seats())
                .extracting(seat -> seat.opinion().stance())
                .containsExactly(Stance.BULLISH, Stance.NEUTRAL, Stance.BULLISH, Stance.BULLISH, Stance.NEUTRAL);
        assertThat(assessment.debate().verdict().decision()).isEqualTo(Verdict.Decision.BULLISH);
        assertThat(assessment.validations())
                .extracting(
                        SignalValidation::analystId,
                        SignalValidation::side,
                        SignalValidation::action,
                        SignalValidation::tradeable)
                .containsExactly(
                        tuple("momentum", Side.BUY, RecommendedAction.REDUCE, true),
                        tuple("breakout", Side.BUY, RecommendedAction.TRADE, true),
                        tuple("order-flow", Side.BUY, RecommendedAction.TRADE, true));
        assertThat(assessment.validations().get(1).stopPrice())
                .isLessThan(assessment.validations().get(1).referencePrice());
    }

    @Test
    void theEffectiveWeightIsTheRegimeWeightTimesTheRuntimeWeight() {
        SeriesState.Step.Applied bar = breakoutBar();
        Map<String, AnalystStatus> registry = Map.of(
                "momentum",
                new AnalystStatus(0.5, false),
                "mean-reversion",
                new AnalystStatus(1.0, false),
                "breakout",
                new AnalystStatus(0.25, false),
                "order-flow",
                new AnalystStatus(1.0, false),
                "chart-patterns",
                new AnalystStatus(1.0, false));
        CandleAssessment assessment = pipeline.assess(bar.context(), bar.volatilityRatio(), registry::get);

        RegimeWeights table = RegimeWeights.defaults();
        for (PanelSeat seat : assessment.seats()) {
            double regimeWeight = table.weight(seat.analystId(), assessment.regime());
            assertThat(seat.regimeWeight()).isEqualTo(regimeWeight);
            assertThat(seat.runtimeWeight())
                    .isEqualTo(registry.get(seat.analystId()).runtimeWeight());
            assertThat(seat.weight()).isCloseTo(regimeWeight * seat.runtimeWeight(), within(1e-12));
        }
        assertThat(assessment.debate().consensus().activeWeight())
                .isCloseTo(
                        assessment.seats().stream()
                                .mapToDouble(PanelSeat::weight)
                                .sum(),
                        within(1e-12));
        // The validator's regime fit uses the regime weight alone, not the operator's factor.
        SignalValidation breakout = assessment.validations().stream()
                .filter(v -> v.analystId().equals("breakout"))
                .findFirst()
                .orElseThrow();
        assertThat(breakout.breakdown().regimeFit())
                .isEqualTo(Math.min(1.0, assessment.seat("breakout").regimeWeight()));
    }

    @Test
    void aPausedAnalystIsValidatedAndRecordedButLeftOutOfTheConsensusAndNeverTradeable() {
        SeriesState.Step.Applied bar = breakoutBar();
        CandleAssessment assessment = pipeline.assess(
                bar.context(), bar.volatilityRatio(), id -> new AnalystStatus(1.0, id.equals("breakout")));

        assertThat(assessment.seat("breakout").paused()).isTrue();
        assertThat(assessment.debate().consensus().pausedCount()).isEqualTo(1);
        assertThat(assessment.debate().consensus().agreeingCount()).isEqualTo(2);
        assertThat(assessment.debate().bull().advocates())
                .extracting(a -> a.analystId())
                .containsExactlyInAnyOrder("momentum", "order-flow");
        SignalValidation breakout = assessment.validations().get(1);
        assertThat(breakout.analystId()).isEqualTo("breakout");
        assertThat(breakout.tradeable()).isFalse();
        assertThat(breakout.reasons()).extracting(Reason::code).contains("STRATEGY_PAUSED");
    }

    @Test
    void anAnalystTheRegistryDoesNotKnowIsTreatedAsPausedAndMuted() {
        SeriesState.Step.Applied bar = breakoutBar();
        CandleAssessment assessment = pipeline.assess(
                bar.context(),
                bar.volatilityRatio(),
                id -> id.equals("order-flow") ? null : new AnalystStatus(1.0, false));
        assertThat(assessment.seat("order-flow").paused()).isTrue();
        assertThat(assessment.seat("order-flow").weight()).isZero();
        assertThat(assessment.validations().get(2).tradeable()).isFalse();
    }

    @Test
    void aNeutralPanelHasNoCandidates() {
        SeriesState state = SeriesState.withDefaults();
        Bar first = MarketScripts.bar(MarketScripts.breakout(
                        "PIPUSDT",
                        Interval.FIFTEEN_MINUTES,
                        Instant.parse("2025-02-03T00:00:00Z"),
                        "42000.00",
                        i -> DerivedIds.from("pipeline", i))
                .getFirst());
        SeriesState.Step.Applied cold = (SeriesState.Step.Applied) state.advance(first);
        CandleAssessment assessment = pipeline.assess(cold.context(), cold.volatilityRatio(), ALL_ACTIVE);
        assertThat(assessment.hasCandidates()).isFalse();
        assertThat(assessment.debate().verdict().decision()).isEqualTo(Verdict.Decision.HOLD);
        assertThat(assessment.seats())
                .allSatisfy(seat -> assertThat(seat.opinion().directional()).isFalse());
    }

    @Test
    void theSameContextAndRegistryGiveTheSameAssessment() {
        SeriesState.Step.Applied bar = breakoutBar();
        assertThat(pipeline.assess(bar.context(), bar.volatilityRatio(), ALL_ACTIVE))
                .isEqualTo(SignalPipeline.withDefaults()
                        .assess(breakoutBar().context(), bar.volatilityRatio(), ALL_ACTIVE));
    }
}
