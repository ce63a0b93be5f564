package dev.peregrine.signal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.MarketScripts;
import dev.peregrine.signal.application.port.out.EvaluatedCandle;
import dev.peregrine.signal.domain.SeriesState;
import dev.peregrine.signal.domain.SignalPipeline;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.consensus.Verdict;
import dev.peregrine.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvaluateClosedCandleServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-04T12:00:00Z");
    private static final Instant FIRST_OPEN = Instant.parse("2025-03-03T00:00:00Z");
    private static final int REBUILD_BARS = 500;

    private final Fakes.Journal journal = new Fakes.Journal();
    private final Fakes.SignalStore store = new Fakes.SignalStore(journal);
    private final Fakes.SignalBus bus = new Fakes.SignalBus(journal);
    private final Fakes.CandleDb candleDb = new Fakes.CandleDb(journal);
    private final Fakes.Metrics metrics = new Fakes.Metrics();
    private final StrategyRegistry registry = new StrategyRegistry(AnalystPanel.withDefaults().ids().stream()
            .map(id -> strategy(id, StrategyState.ACTIVE, BigDecimal.ONE))
            .toList());
    private final EvaluateClosedCandleService service = newService(candleDb);

    private EvaluateClosedCandleService newService(Fakes.CandleDb candles) {
        return new EvaluateClosedCandleService(
                new SignalChain(SeriesState::withDefaults, SignalPipeline.withDefaults(), registry::status),
                candles,
                store,
                bus,
                metrics,
                new Fakes.SequentialIds(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                REBUILD_BARS);
    }

    private static Strategy strategy(String id, StrategyState state, BigDecimal weight) {
        return new Strategy(id, state, weight, "test", "test", NOW);
    }

    private static List<CandleClosed> breakout(String symbol) {
        return MarketScripts.breakout(
                symbol,
                Interval.FIFTEEN_MINUTES,
                FIRST_OPEN,
                "42000.00",
                i -> DerivedIds.from("test-candle", symbol, i));
    }

    private static List<List<SignalValidated>> feed(EvaluateClosedCandleService service, List<CandleClosed> candles) {
        List<List<SignalValidated>> results = new ArrayList<>();
        candles.forEach(candle -> results.add(service.evaluate(candle)));
        return results;
    }

    @Test
    void theBreakoutBarPublishesOneStoredSignalPerDirectionalAnalystInTheCandlesChain() {
        List<CandleClosed> candles = breakout("BTCUSDT");
        List<List<SignalValidated>> results = feed(service, candles);

        CandleClosed candle = candles.get(MarketScripts.BREAKOUT);
        List<SignalValidated> signals = results.get(MarketScripts.BREAKOUT);
        assertThat(signals)
                .extracting(
                        SignalValidated::strategyId,
                        SignalValidated::side,
                        SignalValidated::action,
                        SignalValidated::grade,
                        SignalValidated::tradeable)
                .containsExactly(
                        tuple("momentum", Side.BUY, RecommendedAction.REDUCE, Grade.C, true),
                        tuple("breakout", Side.BUY, RecommendedAction.TRADE, Grade.B, true),
                        tuple("order-flow", Side.BUY, RecommendedAction.TRADE, Grade.B, true));
        for (SignalValidated signal : signals) {
            assertThat(signal.signalId())
                    .isEqualTo(DerivedIds.from(
                            "signal", signal.strategyId(), candle.symbol(), candle.interval(), candle.openTime()));
            assertThat(signal.envelope().correlationId())
                    .isEqualTo(candle.envelope().eventId());
            assertThat(signal.envelope().causationId())
                    .isEqualTo(candle.envelope().eventId());
            assertThat(signal.envelope().eventTime())
                    .isEqualTo(candle.envelope().eventTime());
            assertThat(signal.envelope().processingTime()).isEqualTo(NOW);
            assertThat(signal.candleCloseTime()).isEqualTo(candle.closeTime());
            assertThat(signal.referencePrice().value()).isEqualTo(candle.close().value());
            assertThat(signal.stopPrice()).isLessThan(signal.referencePrice());
            assertThat(signal.reasons())
                    .extracting(Reason::code)
                    .contains("STRENGTH", "GRADE_" + signal.grade(), "VERDICT_AGREES", "VOLATILITY_UNKNOWN");
        }
        assertThat(signals.get(1).reasons())
                .extracting(Reason::code)
                .contains("BULL_DONCHIAN_BREAKOUT", "BULL_VOLUME_CONFIRMS", "BULL_DECISIVE_BREAK");

        UUID debateId = DerivedIds.from("debate", candle.symbol(), candle.interval(), candle.openTime());
        EvaluatedCandle stored = store.debates.get(debateId);
        assertThat(stored.assessment().debate().verdict().decision()).isEqualTo(Verdict.Decision.BULLISH);
        assertThat(stored.correlationId()).isEqualTo(candle.envelope().eventId());
        assertThat(stored.indicators().openTime()).isEqualTo(candle.openTime());
        assertThat(stored.signals()).extracting(r -> r.signal()).containsExactlyElementsOf(signals);
        assertThat(store.rows.keySet())
                .containsAll(signals.stream().map(SignalValidated::signalId).toList());
        assertThat(bus.published).containsSubsequence(signals);
        assertThat(metrics.validations).contains("breakout/B/TRADE", "order-flow/B/TRADE", "momentum/C/REDUCE");
        // no model in this service: every validation went through the filter unchanged
        assertThat(metrics.mlStates).hasSameSizeAs(metrics.validations).containsOnly("NO_MODEL");
        assertThat(metrics.verdicts).contains(Verdict.Decision.BULLISH);
        assertThat(metrics.latencies).isEqualTo(candles.size());
        assertThat(metrics.ignored).isEmpty();
    }

    @Test
    void eachCandleIsStoredOnlyAfterItsDebateAndSignalsAreStoredAndPublished() {
        List<CandleClosed> candles = breakout("BTCUSDT");
        feed(service, candles.subList(0, MarketScripts.BREAKOUT));
        journal.entries.clear();

        service.evaluate(candles.get(MarketScripts.BREAKOUT));
        service.evaluate(candles.get(MarketScripts.BREAKOUT + 1));

        CandleClosed breakout = candles.get(MarketScripts.BREAKOUT);
        UUID debateId = DerivedIds.from("debate", breakout.symbol(), breakout.interval(), breakout.openTime());
        assertThat(journal.entries.subList(0, 3))
                .containsExactly(
                        "store " + debateId + " with 3 signal(s)",
                        "publish 3 signal(s)",
                        "candle " + breakout.openTime());
        assertThat(candleDb.size("BTCUSDT", Interval.FIFTEEN_MINUTES)).isEqualTo(MarketScripts.BREAKOUT + 2);
    }

    @Test
    void candlesWithoutAnyDirectionalOpinionStoreNoDebateButStillTheCandle() {
        List<CandleClosed> candles = breakout("BTCUSDT");
        List<List<SignalValidated>> results = feed(service, candles.subList(0, 30));
        assertThat(results).allMatch(List::isEmpty);
        assertThat(store.debates).isEmpty();
        assertThat(bus.published).isEmpty();
        assertThat(candleDb.size("BTCUSDT", Interval.FIFTEEN_MINUTES)).isEqualTo(30);
        assertThat(metrics.verdicts).isEmpty();
    }

    @Test
    void theSameCandlesGiveTheSameDecisions() {
        List<CandleClosed> candles = breakout("BTCUSDT");
        List<List<SignalValidated>> first = feed(service, candles);
        EvaluateClosedCandleService other = new EvaluateClosedCandleService(
                new SignalChain(SeriesState::withDefaults, SignalPipeline.withDefaults(), registry::status),
                new Fakes.CandleDb(new Fakes.Journal()),
                new Fakes.SignalStore(new Fakes.Journal()),
                new Fakes.SignalBus(new Fakes.Journal()),
                new Fakes.Metrics(),
                new Fakes.SequentialIds(),
                Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC),
                REBUILD_BARS);
        List<List<SignalValidated>> second = feed(other, candles);
        assertThat(decisions(second)).isEqualTo(decisions(first)).isNotEmpty();
    }

    /** Everything of the signals but their own event ids and processing times. */
    private static List<String> decisions(List<List<SignalValidated>> results) {
        return results.stream()
                .flatMap(List::stream)
                .map(s -> s.signalId() + " " + s.strategyId() + " " + s.side() + " " + s.strength() + " " + s.grade()
                        + " "
                        + s.confidence() + " " + s.sizeMultiplier() + " " + s.action() + " " + s.tradeable() + " "
                        + s.referencePrice() + " " + s.stopPrice() + " " + s.reasons() + " "
                        + s.envelope().correlationId())
                .toList();
    }

    @Test
    void aPausedAnalystsSignalIsRecordedButNotTradeableFromTheNextCandle() {
        List<CandleClosed> candles = breakout("BTCUSDT");
        feed(service, candles.subList(0, MarketScripts.BREAKOUT));
        registry.put(strategy("breakout", StrategyState.PAUSED, BigDecimal.ONE));

        List<SignalValidated> signals = service.evaluate(candles.get(MarketScripts.BREAKOUT));

        SignalValidated breakout = signals.stream()
                .filter(s -> s.strategyId().equals("breakout"))
                .findFirst()
                .orElseThrow();
        assertThat(breakout.tradeable()).isFalse();
        assertThat(breakout.reasons()).extracting(Reason::code).contains("STRATEGY_PAUSED");
        assertThat(store.rows.get(breakout.signalId()).seat().paused()).isTrue();
        // Left out of the consensus: momentum and order flow still agree, so the others keep trading.
        EvaluatedCandle stored =
                store.debates.values().stream().reduce((a, b) -> b).orElseThrow();
        assertThat(stored.assessment().debate().consensus().pausedCount()).isEqualTo(1);
        assertThat(signals.stream()
                        .filter(s -> s.strategyId().equals("order-flow"))
                        .findFirst()
                        .orElseThrow()
                        .tradeable())
                .isTrue();
    }

    @Test
    void theRuntimeWeightScalesTheAnalystsSayAndZeroMutesIt() {
        List<CandleClosed> candles = breakout("BTCUSDT");
        feed(service, candles.subList(0, MarketScripts.BREAKOUT));
        registry.put(strategy("order-flow", StrategyState.ACTIVE, BigDecimal.ZERO));
        registry.put(strategy("breakout", StrategyState.ACTIVE, new BigDecimal("0.5")));

        service.evaluate(candles.get(MarketScripts.BREAKOUT));

        EvaluatedCandle stored =
                store.debates.values().stream().reduce((a, b) -> b).orElseThrow();
        assertThat(stored.assessment().seat("breakout").weight())
                .isEqualTo(stored.assessment().seat("breakout").regimeWeight() * 0.5);
        assertThat(stored.assessment().seat("order-flow").weight()).isZero();
        assertThat(stored.assessment().debate().bull().advocates())
                .extracting(a -> a.analystId())
                .containsExactlyInAnyOrder("breakout", "momentum");
        // Muted, not paused: its signal is still validated and may be traded on its own merit.
        assertThat(stored.signals()).extracting(r -> r.signal().strategyId()).contains("order-flow");
    }

    @Test
    void duplicateAndOlderCandlesAreIgnoredAndCountedAndTheLastOneIsCompletedAgain() {
        List<CandleClosed> candles = breakout("BTCUSDT");
        List<SignalValidated> first =
                feed(service, candles.subList(0, MarketScripts.BREAKOUT + 1)).getLast();
        int published = bus.published.size();

        List<SignalValidated> again = service.evaluate(candles.get(MarketScripts.BREAKOUT));
        assertThat(again).isEqualTo(first);
        assertThat(bus.published).hasSize(published + first.size());
        assertThat(bus.published.subList(published, bus.published.size())).isEqualTo(first);

        assertThat(service.evaluate(candles.get(10))).isEmpty();
        assertThat(bus.published).hasSize(published + first.size());
        assertThat(metrics.ignored).containsExactly("duplicate", "out_of_order");
        assertThat(store.rows)
                .hasSize((int) store.rows.keySet().stream().distinct().count());
        assertThat(candleDb.size("BTCUSDT", Interval.FIFTEEN_MINUTES)).isEqualTo(MarketScripts.BREAKOUT + 1);
    }

    @Test
    void aFailedPublishIsCompletedByTheRetryOfTheSameCandleAndTheCandleIsStoredOnlyThen() {
        List<CandleClosed> candles = breakout("ETHUSDT");
        feed(service, candles.subList(0, MarketScripts.BREAKOUT));
        CandleClosed breakout = candles.get(MarketScripts.BREAKOUT);
        bus.failuresToInject = 1;

        assertThatThrownBy(() -> service.evaluate(breakout)).isInstanceOf(IllegalStateException.class);
        assertThat(store.debates)
                .containsKey(DerivedIds.from("debate", breakout.symbol(), breakout.interval(), breakout.openTime()));
        assertThat(candleDb.size("ETHUSDT", Interval.FIFTEEN_MINUTES)).isEqualTo(MarketScripts.BREAKOUT);

        List<SignalValidated> retried = service.evaluate(breakout);
        assertThat(retried).hasSize(3);
        assertThat(bus.published).endsWith(retried.toArray(SignalValidated[]::new));
        assertThat(candleDb.size("ETHUSDT", Interval.FIFTEEN_MINUTES)).isEqualTo(MarketScripts.BREAKOUT + 1);
        assertThat(metrics.validations.stream()
                        .filter(v -> v.startsWith("breakout/B/TRADE"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aRestartRebuildsTheSeriesFromStoredCandlesAndGivesTheSameNextSignals() {
        List<CandleClosed> candles = breakout("SOLUSDT");
        List<List<SignalValidated>> uninterrupted = feed(newService(new Fakes.CandleDb(new Fakes.Journal())), candles);

        int restartAt = 45;
        feed(service, candles.subList(0, restartAt));
        EvaluateClosedCandleService restarted = newService(candleDb);
        List<List<SignalValidated>> afterRestart = feed(restarted, candles.subList(restartAt, candles.size()));

        assertThat(decisions(afterRestart)).isEqualTo(decisions(uninterrupted.subList(restartAt, candles.size())));
        assertThat(metrics.rebuilt).containsExactly(restartAt);
        assertThat(metrics.ignored).isEmpty();
    }

    @Test
    void seriesBeyondTheBoundAndIdleOnesAreDroppedAndRebuiltToTheSameDecisions() {
        MutableClock clock = new MutableClock(NOW);
        EvaluateClosedCandleService bounded = new EvaluateClosedCandleService(
                new SignalChain(SeriesState::withDefaults, SignalPipeline.withDefaults(), registry::status),
                candleDb,
                store,
                bus,
                metrics,
                new Fakes.SequentialIds(),
                clock,
                REBUILD_BARS,
                new EvaluateClosedCandleService.SeriesLimits(2, Duration.ofHours(6)));
        List<CandleClosed> sol = breakout("SOLUSDT");
        List<List<SignalValidated>> neverDropped = feed(newService(new Fakes.CandleDb(new Fakes.Journal())), sol);

        int at = 45;
        feed(bounded, sol.subList(0, at));
        clock.advance(Duration.ofMinutes(1));
        feed(bounded, breakout("ETHUSDT").subList(0, 10));
        clock.advance(Duration.ofMinutes(1));
        feed(bounded, breakout("XRPUSDT").subList(0, 10));

        // three series over a bound of two: the least recently used, SOLUSDT, is dropped
        assertThat(bounded.heldSeries()).isEqualTo(2);
        assertThat(metrics.evicted).containsExactly("capacity");

        // it trades again: rebuilt from its stored candles, it decides exactly as if it had never been dropped
        clock.advance(Duration.ofMinutes(1));
        List<List<SignalValidated>> afterDrop = feed(bounded, sol.subList(at, sol.size()));
        assertThat(decisions(afterDrop)).isEqualTo(decisions(neverDropped.subList(at, sol.size())));
        assertThat(metrics.rebuilt).containsExactly(at);
        assertThat(metrics.evicted).containsExactly("capacity", "capacity"); // ETHUSDT, now the least recent

        // a symbol that stops trading is dropped once idle: not before 6 h, then all of them
        clock.advance(Duration.ofHours(5));
        bounded.evict();
        assertThat(bounded.heldSeries()).isEqualTo(2);
        clock.advance(Duration.ofHours(2));
        bounded.evict();
        assertThat(bounded.heldSeries()).isZero();
        assertThat(metrics.evicted).containsExactly("capacity", "capacity", "idle", "idle");
    }

    @Test
    void afterACrashBetweenPublishingAndStoringTheCandleTheRedeliveryIsJudgedAgainWithTheSameIds() {
        List<CandleClosed> candles = breakout("ADAUSDT");
        CandleClosed breakout = candles.get(MarketScripts.BREAKOUT);
        EvaluateClosedCandleService dying = newService(candleDb);
        feed(dying, candles.subList(0, MarketScripts.BREAKOUT));
        candleDb.failOn = breakout.openTime();
        assertThatThrownBy(() -> dying.evaluate(breakout)).isInstanceOf(IllegalStateException.class);
        List<SignalValidated> published =
                List.copyOf(bus.published.subList(bus.published.size() - 3, bus.published.size()));
        assertThat(published).extracting(SignalValidated::candleCloseTime).containsOnly(breakout.closeTime());

        // The next process rebuilds from the stored candles, which end before the breakout: it is judged again.
        candleDb.failOn = null;
        List<SignalValidated> redelivered = newService(candleDb).evaluate(breakout);
        assertThat(decisions(List.of(redelivered))).isEqualTo(decisions(List.of(published)));
        assertThat(candleDb.size("ADAUSDT", Interval.FIFTEEN_MINUTES)).isEqualTo(MarketScripts.BREAKOUT + 1);

        // Once the candle is stored, its work is done: a process started later ignores the redelivery.
        assertThat(newService(candleDb).evaluate(breakout)).isEmpty();
        assertThat(metrics.ignored).containsExactly("duplicate");
        assertThat(metrics.rebuilt).containsExactly(MarketScripts.BREAKOUT, MarketScripts.BREAKOUT + 1);
    }

    @Test
    void aFlaggedCandleIsRecordedButSkippedForDataQuality() {
        List<CandleClosed> clean = breakout("BTCUSDT");
        feed(service, clean.subList(0, MarketScripts.BREAKOUT));
        CandleClosed original = clean.get(MarketScripts.BREAKOUT);
        CandleClosed flagged = new CandleClosed(
                original.envelope(),
                original.symbol(),
                original.interval(),
                original.openTime(),
                original.closeTime(),
                original.open(),
                original.high(),
                original.low(),
                original.close(),
                original.volume(),
                original.quoteVolume(),
                original.trades(),
                original.takerBuyBaseVolume(),
                original.takerBuyQuoteVolume(),
                original.source(),
                List.of("PRICE_JUMP"));

        List<SignalValidated> signals = service.evaluate(flagged);

        assertThat(signals).isNotEmpty().allSatisfy(signal -> {
            assertThat(signal.action()).isEqualTo(RecommendedAction.SKIP);
            assertThat(signal.grade()).isEqualTo(Grade.F);
            assertThat(signal.strength()).isZero();
            assertThat(signal.tradeable()).isFalse();
            assertThat(signal.reasons()).extracting(Reason::code).contains("DATA_QUALITY");
        });
    }

    @Test
    void eachSymbolAndIntervalHasItsOwnSeriesAndTheWarmGaugeCountsThem() {
        List<CandleClosed> btc = breakout("BTCUSDT");
        List<CandleClosed> eth = MarketScripts.breakout(
                "ETHUSDT", Interval.ONE_HOUR, FIRST_OPEN, "3000.00", i -> DerivedIds.from("test-candle", "ETHUSDT", i));
        List<List<SignalValidated>> btcResults = new ArrayList<>();
        for (int i = 0; i < btc.size(); i++) {
            btcResults.add(service.evaluate(btc.get(i)));
            service.evaluate(eth.get(i));
        }
        assertThat(btcResults.get(MarketScripts.BREAKOUT)).hasSize(3);
        assertThat(bus.published)
                .filteredOn(s -> s.symbol().value().equals("ETHUSDT"))
                .isNotEmpty();
        assertThat(metrics.ignored).isEmpty();
        assertThat(metrics.warming).isEqualTo(2);
        assertThat(metrics.warm).isZero();

        MarketScripts.waves("XRPUSDT", Interval.FIFTEEN_MINUTES, FIRST_OPEN, 230, i -> DerivedIds.from("waves", i))
                .forEach(service::evaluate);
        assertThat(metrics.warm).isEqualTo(1);
        assertThat(metrics.warming).isEqualTo(2);
    }
}
