package dev.peregrine.signal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.indicator.BarUpdate;
import dev.peregrine.signal.domain.ml.MlFeatures;
import dev.peregrine.signal.domain.ml.MlFilter;
import dev.peregrine.signal.domain.ml.MlModel;
import dev.peregrine.signal.domain.ml.MlScore;
import dev.peregrine.signal.domain.ml.ModelSource;
import dev.peregrine.signal.domain.ml.TestModels;
import dev.peregrine.signal.domain.regime.RegimeWeights;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignalChainTest {

    private static final Instant NOW = Instant.parse("2025-03-04T12:00:00Z");
    private static final Instant FIRST_OPEN = Instant.parse("2025-01-01T00:00:00Z");
    private static final Symbol SYMBOL = Symbol.of("BTCUSDT");
    private static final Interval INTERVAL = Interval.FIFTEEN_MINUTES;

    /** A long wave-shaped series, then the breakout script (after the waves, so the series is warm for it). */
    private static List<CandleClosed> candles() {
        List<CandleClosed> candles = new ArrayList<>(
                MarketScripts.waves(SYMBOL.value(), INTERVAL, FIRST_OPEN, 700, i -> DerivedIds.from("chain-test", i)));
        Instant next = candles.getLast().openTime().plus(INTERVAL.length());
        candles.addAll(MarketScripts.breakout(
                SYMBOL.value(), INTERVAL, next, "42000.00", i -> DerivedIds.from("chain-test-breakout", i)));
        return candles;
    }

    private static StrategyRegistry registry(String paused, String halfWeight) {
        return new StrategyRegistry(AnalystPanel.withDefaults().ids().stream()
                .map(id -> new Strategy(
                        id,
                        id.equals(paused) ? StrategyState.PAUSED : StrategyState.ACTIVE,
                        id.equals(halfWeight) ? new BigDecimal("0.5") : BigDecimal.ONE,
                        "test",
                        "test",
                        NOW))
                .toList());
    }

    private static EvaluateClosedCandleService service(SignalChain chain) {
        Fakes.Journal journal = new Fakes.Journal();
        return new EvaluateClosedCandleService(
                chain,
                new Fakes.CandleDb(journal),
                new Fakes.SignalStore(journal),
                new Fakes.SignalBus(journal),
                new Fakes.Metrics(),
                new Fakes.SequentialIds(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                500);
    }

    /** The decision of a published signal: everything but its own event id and processing time. */
    private static String decision(SignalValidated s) {
        return s.signalId() + " " + s.strategyId() + " " + s.symbol() + " " + s.interval() + " " + s.candleCloseTime()
                + " "
                + s.side() + " " + s.strength() + " " + s.grade() + " " + s.confidence() + " " + s.sizeMultiplier()
                + " "
                + s.action() + " " + s.tradeable() + " " + s.referencePrice() + " " + s.stopPrice() + " " + s.reasons()
                + " "
                + s.regime();
    }

    private static List<String> throughTheService(SignalChain chain, List<CandleClosed> candles) {
        EvaluateClosedCandleService service = service(chain);
        List<String> decisions = new ArrayList<>();
        for (CandleClosed candle : candles) {
            service.evaluate(candle).forEach(signal -> decisions.add(decision(signal)));
        }
        return decisions;
    }

    private static List<String> throughTheChain(SignalChain chain, List<CandleClosed> candles) {
        SignalChain.Series series = chain.newSeries(SYMBOL, INTERVAL);
        List<String> decisions = new ArrayList<>();
        for (CandleClosed candle : candles) {
            if (series.next(MarketScripts.bar(candle)) instanceof SignalChain.Step.Judged judged) {
                Envelope envelope = Envelope.root(new UUID(0, 1), candle.closeTime(), NOW);
                judged.signals().forEach(signal -> decisions.add(decision(judged.event(signal, envelope))));
            }
        }
        return decisions;
    }

    @Test
    void theServicePublishesExactlyWhatTheChainDecidesForTheSameCandlesAndRegistry() {
        List<CandleClosed> candles = new ArrayList<>(candles());
        // a few flagged candles, and two redelivered older candles, which the service and the chain both ignore (a
        // redelivery of the last candle is the service's own business: it publishes that candle's signals again)
        for (int i = 100; i < candles.size(); i += 7) {
            candles.set(i, flagged(candles.get(i)));
        }
        candles.add(400, candles.get(398));
        candles.add(500, candles.get(300));

        List<String> offline = throughTheChain(SignalChain.withServiceDefaults(), candles);
        assertThat(throughTheService(
                        new SignalChain(SignalChainSettings.serviceDefaults(), SignalChain.registeredAnalysts()),
                        candles))
                .isEqualTo(offline);
        assertThat(offline).hasSizeGreaterThan(50);
        assertThat(offline).anyMatch(d -> d.contains(" TRADE ")).anyMatch(d -> d.contains("DATA_QUALITY"));

        StrategyRegistry changed = registry("momentum", "breakout");
        List<String> changedOffline =
                throughTheChain(new SignalChain(SignalChainSettings.serviceDefaults(), changed), candles);
        assertThat(throughTheService(new SignalChain(SignalChainSettings.serviceDefaults(), changed), candles))
                .isEqualTo(changedOffline);
        // the comparison can fail: another registry decides otherwise on the same candles
        assertThat(changedOffline).isNotEqualTo(offline);
    }

    @Test
    void withAModelEverySignalCarriesTheProbabilityOfItsFeaturesAndBelowTheThresholdIsSkipped() {
        // a stump on strength: at or above 0.5 probability 0.73, below 0.27; threshold 0.60
        MlModel model = TestModels.stump("stump-1", 0.5f, 1.0f);
        SignalChain chain = new SignalChain(
                SignalChainSettings.serviceDefaults().withMlFilter(new MlFilter(0.60, ModelSource.of(model))),
                SignalChain.registeredAnalysts());
        SignalChain.Series series = chain.newSeries(SYMBOL, INTERVAL);
        int skipped = 0;
        int passed = 0;
        for (CandleClosed candle : candles()) {
            SignalChain.Step.Judged judged = (SignalChain.Step.Judged) series.next(MarketScripts.bar(candle));
            Envelope envelope = Envelope.root(new UUID(0, 1), candle.closeTime(), NOW);
            for (int i = 0; i < judged.signals().size(); i++) {
                SignalChain.ValidatedSignal signal = judged.signals().get(i);
                SignalValidation unfiltered = judged.assessment().validations().get(i);
                double expected = model.probability(MlFeatures.of(
                        unfiltered,
                        judged.context(),
                        judged.volatilityRatio(),
                        judged.assessment().debate()));
                SignalValidated event = judged.event(signal, envelope);
                assertThat(event.mlProbability()).isEqualTo(expected);
                assertThat(event.modelVersion()).isEqualTo("stump-1");
                if (expected < 0.60) {
                    skipped++;
                    assertThat(signal.ml().state()).isEqualTo(MlScore.State.BELOW_THRESHOLD);
                    assertThat(event.action()).isEqualTo(RecommendedAction.SKIP);
                    assertThat(event.tradeable()).isFalse();
                    assertThat(event.reasons()).extracting(Reason::code).contains("ML_BELOW_THRESHOLD");
                } else {
                    passed++;
                    assertThat(signal.ml().state()).isEqualTo(MlScore.State.PASSED);
                    assertThat(event.action()).isEqualTo(unfiltered.action());
                }
            }
        }
        assertThat(skipped).isPositive();
        assertThat(passed).isPositive();
    }

    @Test
    void withoutAModelTheSignalsCarryNoProbabilityAndAreTheValidatorsOwn() {
        SignalChain.Series series = SignalChain.withServiceDefaults().newSeries(SYMBOL, INTERVAL);
        for (CandleClosed candle : candles()) {
            SignalChain.Step.Judged judged = (SignalChain.Step.Judged) series.next(MarketScripts.bar(candle));
            Envelope envelope = Envelope.root(new UUID(0, 1), candle.closeTime(), NOW);
            for (SignalChain.ValidatedSignal signal : judged.signals()) {
                assertThat(signal.ml()).isEqualTo(MlScore.NO_MODEL);
                assertThat(judged.event(signal, envelope).mlProbability()).isNull();
                assertThat(judged.event(signal, envelope).modelVersion()).isNull();
            }
        }
    }

    @Test
    void everySignalCarriesTheIdTheServiceDerivesAndTheDebateIdItsCandle() {
        SignalChain.Series series = SignalChain.withServiceDefaults().newSeries(SYMBOL, INTERVAL);
        int signals = 0;
        for (CandleClosed candle : candles()) {
            SignalChain.Step.Judged judged = (SignalChain.Step.Judged) series.next(MarketScripts.bar(candle));
            assertThat(judged.debateId())
                    .isEqualTo(DerivedIds.from("debate", candle.symbol(), candle.interval(), candle.openTime()));
            assertThat(judged.signals())
                    .extracting(SignalChain.ValidatedSignal::validation)
                    .containsExactlyElementsOf(judged.assessment().validations());
            for (SignalChain.ValidatedSignal signal : judged.signals()) {
                assertThat(signal.signalId())
                        .isEqualTo(DerivedIds.from(
                                "signal", signal.strategyId(), candle.symbol(), candle.interval(), candle.openTime()));
                assertThat(signal.seat()).isEqualTo(judged.assessment().seat(signal.strategyId()));
                signals++;
            }
        }
        assertThat(signals).isPositive();
    }

    @Test
    void pausedAnalystsAreValidatedButLeftOutAndRuntimeWeightsScaleTheRegimeWeights() {
        SignalChain.Series series = new SignalChain(
                        SignalChainSettings.serviceDefaults(), registry("momentum", "breakout"))
                .newSeries(SYMBOL, INTERVAL);
        RegimeWeights weights = RegimeWeights.defaults();
        int pausedSignals = 0;
        for (CandleClosed candle : candles()) {
            SignalChain.Step.Judged judged = (SignalChain.Step.Judged) series.next(MarketScripts.bar(candle));
            var consensus = judged.assessment().debate().consensus();
            double activeWeight = judged.assessment().seats().stream()
                    .filter(seat -> !seat.analystId().equals("momentum"))
                    .mapToDouble(seat ->
                            weights.weight(seat.analystId(), judged.assessment().regime())
                                    * (seat.analystId().equals("breakout") ? 0.5 : 1.0))
                    .sum();
            assertThat(consensus.pausedCount()).isEqualTo(1);
            assertThat(consensus.activeWeight()).isCloseTo(activeWeight, within(1e-12));
            for (SignalChain.ValidatedSignal signal : judged.signals()) {
                if (signal.strategyId().equals("momentum")) {
                    pausedSignals++;
                    assertThat(signal.seat().paused()).isTrue();
                    assertThat(signal.validation().tradeable()).isFalse();
                    assertThat(signal.validation().reasons())
                            .extracting(Reason::code)
                            .contains("STRATEGY_PAUSED");
                } else {
                    assertThat(signal.validation().tradeable())
                            .isEqualTo(signal.validation().action() != RecommendedAction.SKIP);
                }
            }
        }
        assertThat(pausedSignals).isPositive();
    }

    @Test
    void aRedeliveredOrOlderCandleIsIgnoredAndLeavesTheSeriesAsItWas() {
        List<CandleClosed> candles = candles();
        SignalChain chain = SignalChain.withServiceDefaults();
        SignalChain.Series once = chain.newSeries(SYMBOL, INTERVAL);
        SignalChain.Series twice = chain.newSeries(SYMBOL, INTERVAL);
        List<SignalChain.ValidatedSignal> expected = new ArrayList<>();
        List<SignalChain.ValidatedSignal> actual = new ArrayList<>();
        for (int i = 0; i < candles.size(); i++) {
            Bar bar = MarketScripts.bar(candles.get(i));
            expected.addAll(((SignalChain.Step.Judged) once.next(bar)).signals());
            actual.addAll(((SignalChain.Step.Judged) twice.next(bar)).signals());
            if (i % 100 == 50) {
                assertThat(twice.next(bar)).isEqualTo(new SignalChain.Step.Ignored(BarUpdate.DUPLICATE));
                assertThat(twice.next(MarketScripts.bar(candles.get(i - 1))))
                        .isEqualTo(new SignalChain.Step.Ignored(BarUpdate.OUT_OF_ORDER));
            }
        }
        assertThat(actual).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void aReplayedCandleMovesTheSeriesWithoutJudgingItSoTheNextJudgementIsTheSame() {
        List<CandleClosed> candles = candles();
        SignalChain chain = SignalChain.withServiceDefaults();
        SignalChain.Series live = chain.newSeries(SYMBOL, INTERVAL);
        SignalChain.Series rebuilt = chain.newSeries(SYMBOL, INTERVAL);
        int split = 650;
        for (int i = 0; i < split; i++) {
            live.next(MarketScripts.bar(candles.get(i)));
            assertThat(rebuilt.replay(MarketScripts.bar(candles.get(i)))).isTrue();
        }
        assertThat(rebuilt.replay(MarketScripts.bar(candles.get(split - 1)))).isFalse();
        assertThat(rebuilt.warm()).isEqualTo(live.warm()).isTrue();
        assertThat(rebuilt.lastOpenTime()).isEqualTo(live.lastOpenTime());
        for (int i = split; i < candles.size(); i++) {
            Bar bar = MarketScripts.bar(candles.get(i));
            assertThat(((SignalChain.Step.Judged) rebuilt.next(bar)).signals())
                    .isEqualTo(((SignalChain.Step.Judged) live.next(bar)).signals());
        }
    }

    @Test
    void aFlaggedCandleMovesTheSeriesButEveryOneOfItsSignalsIsSkippedForDataQuality() {
        SignalChain.Series series = SignalChain.withServiceDefaults().newSeries(SYMBOL, INTERVAL);
        List<CandleClosed> candles = candles();
        int flaggedSignals = 0;
        for (int i = 0; i < candles.size(); i++) {
            boolean flag = i % 7 == 0;
            CandleClosed candle = flag ? flagged(candles.get(i)) : candles.get(i);
            SignalChain.Step.Judged judged = (SignalChain.Step.Judged) series.next(MarketScripts.bar(candle));
            if (flag) {
                for (SignalChain.ValidatedSignal signal : judged.signals()) {
                    flaggedSignals++;
                    assertThat(signal.validation().action()).isEqualTo(RecommendedAction.SKIP);
                    assertThat(signal.validation().strength()).isZero();
                    assertThat(signal.validation().reasons())
                            .extracting(Reason::code)
                            .contains("DATA_QUALITY");
                }
            }
        }
        assertThat(flaggedSignals).isPositive();
    }

    private static CandleClosed flagged(CandleClosed c) {
        return new CandleClosed(
                c.envelope(),
                c.symbol(),
                c.interval(),
                c.openTime(),
                c.closeTime(),
                c.open(),
                c.high(),
                c.low(),
                c.close(),
                c.volume(),
                c.quoteVolume(),
                c.trades(),
                c.takerBuyBaseVolume(),
                c.takerBuyQuoteVolume(),
                c.source(),
                List.of("PRICE_SPIKE"));
    }
}
