package dev.peregrine.signal.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.domain.AnalystStatus;
import dev.peregrine.signal.domain.CandleAssessment;
import dev.peregrine.signal.domain.SeriesState;
import dev.peregrine.signal.domain.SignalPipeline;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.bar.Bar;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SignalJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SignalJson json = new SignalJson();

    private static SeriesState.Step.Applied breakoutBar() {
        SeriesState state = SeriesState.withDefaults();
        List<Bar> bars = MarketScripts.breakout(
                        "JSONUSDT",
                        Interval.FIFTEEN_MINUTES,
                        Instant.parse("2025-02-03T00:00:00Z"),
                        "42000.00",
                        i -> DerivedIds.from("json", i))
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
    void theDebateDocumentNestsBothCasesTheVerdictAndTheConsensus() {
        SeriesState.Step.Applied bar = breakoutBar();
        CandleAssessment assessment = SignalPipeline.withDefaults()
                .assess(
                        bar.context(),
                        bar.volatilityRatio(),
                        id -> new AnalystStatus(1.0, id.equals("chart-patterns")));

        JsonNode debate = JSON.readTree(json.debate(assessment.debate()));
        assertThat(debate.path("bull").path("side").asString()).isEqualTo("BULLISH");
        assertThat(debate.path("bull").path("score").asDouble())
                .isEqualTo(assessment.debate().bull().score());
        assertThat(debate.path("bull").path("advocates")).hasSize(3);
        assertThat(debate.path("bull").path("arguments").get(0).path("name").asString())
                .startsWith("BULL_");
        assertThat(debate.path("bear").path("arguments")).allSatisfy(a -> {
            assertThat(a.path("name").asString()).startsWith("BEAR_");
            assertThat(a.path("conceded").asBoolean()).isTrue();
        });
        assertThat(debate.path("verdict").path("decision").asString()).isEqualTo("BULLISH");
        assertThat(debate.path("verdict").path("rationale").asString()).contains("conviction");
        assertThat(debate.path("consensus").path("pausedCount").asInt()).isEqualTo(1);
        assertThat(debate.path("consensus").path("reasons"))
                .extracting(r -> r.path("code").asString())
                .contains("CONSENSUS_BULLISH", "PAUSED_EXCLUDED");
        assertThat(JSON.readTree(json.consensusSummary(assessment.debate().consensus()))
                        .has("reasons"))
                .isFalse();
    }

    @Test
    void thePanelTheIndicatorsAndTheBreakdownCarryEveryNumberWithColdValuesAsNull() {
        SeriesState.Step.Applied bar = breakoutBar();
        CandleAssessment assessment = SignalPipeline.withDefaults()
                .assess(
                        bar.context(),
                        bar.volatilityRatio(),
                        id -> new AnalystStatus(id.equals("breakout") ? 0.5 : 1.0, false));

        JsonNode panel = JSON.readTree(json.panel(assessment.seats()));
        assertThat(panel)
                .extracting(seat -> seat.path("analystId").asString())
                .containsExactly("momentum", "mean-reversion", "breakout", "order-flow", "chart-patterns");
        assertThat(panel.get(2).path("runtimeWeight").asDouble()).isEqualTo(0.5);
        assertThat(panel.get(2).path("weight").asDouble())
                .isEqualTo(assessment.seat("breakout").weight());
        assertThat(panel.get(1).path("stance").asString()).isEqualTo("NEUTRAL");
        assertThat(panel.get(1).path("arguments").get(0).path("name").asString())
                .isEqualTo("NO_TRIGGER");

        JsonNode indicators = JSON.readTree(json.indicators(bar.context().indicators()));
        assertThat(indicators.path("atr").asDouble())
                .isEqualTo(bar.context().indicators().atr().getAsDouble());
        assertThat(indicators.path("donchian").path("previousUpper").asDouble())
                .isEqualTo(bar.context().indicators().donchian().previousUpper().getAsDouble());
        assertThat(indicators.path("sma").isNull())
                .as("SMA 200 is not warm after 61 bars")
                .isTrue();
        assertThat(indicators.path("barCount").asLong()).isEqualTo(MarketScripts.BREAKOUT + 1L);

        SignalValidation breakout = assessment.validations().get(1);
        JsonNode breakdown = JSON.readTree(json.breakdown(breakout, assessment.seat("breakout")));
        assertThat(breakdown.path("score").asDouble())
                .isEqualTo(breakout.breakdown().score());
        assertThat(breakdown.path("runtimeWeight").asDouble()).isEqualTo(0.5);
        assertThat(breakdown.path("paused").asBoolean()).isFalse();
        assertThat(JSON.readTree(json.reasons(breakout.reasons()))
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo(breakout.reasons().getFirst().code());
    }
}
