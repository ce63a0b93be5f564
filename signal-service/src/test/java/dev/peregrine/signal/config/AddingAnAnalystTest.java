package dev.peregrine.signal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.application.SignalChainSettings;
import dev.peregrine.signal.application.StrategyRegistry;
import dev.peregrine.signal.domain.PanelSeat;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.analyst.Analyst;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.analyst.Argument;
import dev.peregrine.signal.domain.analyst.MarketContext;
import dev.peregrine.signal.domain.analyst.Opinion;
import dev.peregrine.signal.domain.analyst.Stance;
import dev.peregrine.signal.domain.consensus.Advocate;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Adds an analyst the way docs/architecture.md ("Adding an analyst") says: one class implementing {@link Analyst}
 * with its own configuration record, registered as a bean (here the bean factory stands in for the service's
 * context: {@link SignalConfiguration#signalChain} reads it the same way) and as a strategy in the registry (the
 * migration line of the recipe). Then it must sit on the panel after the standard five, vote in the consensus with
 * its weight, and have its own validated signals, while the five keep theirs.
 */
class AddingAnAnalystTest {

    private static final Instant NOW = Instant.parse("2025-03-04T12:00:00Z");
    private static final Symbol SYMBOL = Symbol.of("BTCUSDT");
    private static final Interval INTERVAL = Interval.FIFTEEN_MINUTES;

    /** The sample's configuration: what a real analyst binds from {@code peregrine.signal.analysts.<id>.*}. */
    record GreenCandleConfig(double confidence) {
        GreenCandleConfig {
            if (!(confidence > 0 && confidence <= 1)) {
                throw new IllegalArgumentException(
                        "peregrine.signal.analysts.green-candle.confidence must be in (0, 1]");
            }
        }
    }

    /** The sample analyst: BULLISH on a candle that closed above its open, NEUTRAL otherwise. Pure, as analysts must be. */
    record GreenCandleAnalyst(GreenCandleConfig config) implements Analyst {
        static final String ID = "green-candle";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Opinion assess(MarketContext context) {
            double body = context.bar().close().subtract(context.bar().open()).doubleValue();
            Argument argument = new Argument("CANDLE_BODY", body, 0.0, "the candle's close minus its open");
            return body > 0
                    ? new Opinion(ID, Stance.BULLISH, config.confidence(), List.of(argument))
                    : Opinion.neutral(ID, List.of(argument));
        }
    }

    private static List<CandleClosed> candles() {
        return MarketScripts.waves(
                SYMBOL.value(),
                INTERVAL,
                Instant.parse("2025-01-01T00:00:00Z"),
                500,
                i -> DerivedIds.from("adding-an-analyst", i));
    }

    private static StrategyRegistry registry(String... extraIds) {
        return new StrategyRegistry(Stream.concat(AnalystPanel.withDefaults().ids().stream(), Stream.of(extraIds))
                .map(id -> new Strategy(
                        id, StrategyState.ACTIVE, BigDecimal.ONE, "initial registration", "migration", NOW))
                .toList());
    }

    /** The chain as the service's {@code signalChain} bean builds it from a context holding these analyst beans. */
    private static SignalChain chainOfAContextWith(StrategyRegistry registry, Map<String, Analyst> analystBeans)
            throws IOException {
        StaticListableBeanFactory context = new StaticListableBeanFactory(Map.copyOf(analystBeans));
        return new SignalConfiguration()
                .signalChain(
                        SignalChainSettingsTest.shippedProperties(), registry, context.getBeanProvider(Analyst.class));
    }

    private static List<SignalChain.Step.Judged> judge(SignalChain chain) {
        SignalChain.Series series = chain.newSeries(SYMBOL, INTERVAL);
        List<SignalChain.Step.Judged> steps = new ArrayList<>();
        for (CandleClosed candle : candles()) {
            if (series.next(MarketScripts.bar(candle)) instanceof SignalChain.Step.Judged judged && judged.warm()) {
                steps.add(judged);
            }
        }
        return steps;
    }

    @Test
    void anAddedAndRegisteredAnalystSitsOnThePanelVotesAndHasItsOwnSignals() throws IOException {
        SignalChain chain = chainOfAContextWith(
                registry(GreenCandleAnalyst.ID),
                Map.of("greenCandle", new GreenCandleAnalyst(new GreenCandleConfig(0.7))));

        List<SignalChain.Step.Judged> steps = judge(chain);

        assertThat(steps).isNotEmpty();
        int votes = 0;
        int signals = 0;
        for (SignalChain.Step.Judged step : steps) {
            List<PanelSeat> seats = step.assessment().seats();
            assertThat(seats)
                    .extracting(PanelSeat::analystId)
                    .containsExactly(
                            "momentum",
                            "mean-reversion",
                            "breakout",
                            "order-flow",
                            "chart-patterns",
                            GreenCandleAnalyst.ID);
            PanelSeat seat = step.assessment().seat(GreenCandleAnalyst.ID);
            boolean green = step.bar().close().compareTo(step.bar().open()) > 0;
            assertThat(seat.opinion().stance()).isEqualTo(green ? Stance.BULLISH : Stance.NEUTRAL);
            assertThat(seat.paused()).isFalse();
            // not in the regime table: it weighs 1.0 in every regime, times its registry weight 1
            assertThat(seat.weight()).isEqualTo(1.0);
            if (green) {
                votes++;
                assertThat(step.assessment().debate().bull().advocates())
                        .extracting(Advocate::analystId)
                        .contains(GreenCandleAnalyst.ID);
                assertThat(step.signals()).anySatisfy(signal -> {
                    assertThat(signal.strategyId()).isEqualTo(GreenCandleAnalyst.ID);
                    assertThat(signal.signalId())
                            .isEqualTo(SignalChain.signalId(
                                    GreenCandleAnalyst.ID,
                                    SYMBOL,
                                    INTERVAL,
                                    step.bar().openTime()));
                });
                signals++;
            }
        }
        assertThat(votes).isPositive().isLessThan(steps.size());
        assertThat(signals).isEqualTo(votes);
        // the standard five still judge as before: the same momentum signals with and without the added analyst
        assertThat(judge(chainOfAContextWith(registry(), Map.of())).stream()
                        .flatMap(step -> step.signals().stream())
                        .filter(s -> s.strategyId().equals("momentum"))
                        .count())
                .isEqualTo(steps.stream()
                        .flatMap(step -> step.signals().stream())
                        .filter(s -> s.strategyId().equals("momentum"))
                        .count());
    }

    @Test
    void anAddedAnalystTheRegistryDoesNotHoldSitsOnThePanelButDoesNotVote() throws IOException {
        SignalChain chain = chainOfAContextWith(
                registry(), Map.of("greenCandle", new GreenCandleAnalyst(new GreenCandleConfig(0.7))));

        for (SignalChain.Step.Judged step : judge(chain)) {
            PanelSeat seat = step.assessment().seat(GreenCandleAnalyst.ID);
            assertThat(seat.paused()).isTrue();
            assertThat(seat.weight()).isZero();
            assertThat(step.assessment().debate().bull().advocates())
                    .extracting(Advocate::analystId)
                    .doesNotContain(GreenCandleAnalyst.ID);
        }
    }

    @Test
    void anAnalystCannotTakeAnIdThePanelAlreadyHasNorSignForAnother() {
        assertThatThrownBy(() -> AnalystPanel.withDefaults().plus(List.of(neutralAnalyst("momentum", "momentum"))))
                .hasMessageContaining("share the id 'momentum'");

        Analyst forger = neutralAnalyst("forger", "momentum");
        SignalChain.Series series = new SignalChain(
                        new SignalChainSettings(
                                dev.peregrine.signal.domain.consensus.ConsensusConfig.defaults(),
                                dev.peregrine.signal.domain.consensus.ArbiterConfig.defaults(),
                                List.of(forger)),
                        registry("forger"))
                .newSeries(SYMBOL, INTERVAL);
        assertThatThrownBy(() -> series.next(MarketScripts.bar(candles().getFirst())))
                .hasMessageContaining("analyst 'forger' signed its opinion as 'momentum'");
    }

    /** An analyst with this id that always gives a NEUTRAL opinion signed {@code signedAs}. */
    private static Analyst neutralAnalyst(String id, String signedAs) {
        return new Analyst() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Opinion assess(MarketContext context) {
                return Opinion.neutral(signedAs, List.of());
            }
        };
    }
}
