package dev.peregrine.signal.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyState;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Side;
import dev.peregrine.signal.CandleSeries;
import dev.peregrine.signal.domain.EmaCrossoverStrategy;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.consensus.ArbiterConfig;
import dev.peregrine.signal.domain.consensus.ConsensusConfig;
import dev.peregrine.signal.domain.consensus.Deliberation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluateClosedCandleServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-04T12:00:00Z");
    private static final Instant FIRST_OPEN = Instant.parse("2025-03-03T00:00:00Z");
    /** The transitional one-analyst panel the configuration builds. */
    private static final Deliberation PANEL = new Deliberation(ConsensusConfig.defaults().withMinAgreeing(1), ArbiterConfig.defaults());

    private final Fakes.Journal journal = new Fakes.Journal();
    private final Fakes.SignalStore store = new Fakes.SignalStore(journal);
    private final Fakes.SignalBus bus = new Fakes.SignalBus(journal);
    private final Fakes.Metrics metrics = new Fakes.Metrics();
    private final StrategyRegistry registry = new StrategyRegistry(List.of(strategy(StrategyState.ACTIVE)));
    private final EvaluateClosedCandleService service = new EvaluateClosedCandleService(EmaCrossoverStrategy::withDefaults,
            PANEL, new SignalValidator(), registry, store, bus, metrics, new Fakes.SequentialIds(), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Strategy strategy(StrategyState state) {
        return new Strategy(EmaCrossoverStrategy.ID, state, BigDecimal.ONE, "test", "test", NOW);
    }

    /** 40 bars down 0.4 % each, then 30 up 1.5 % each: the fast EMA crosses above the slow one once. */
    private static List<CandleClosed> vShape(String symbol) {
        CandleSeries series = new CandleSeries(symbol, Interval.FIFTEEN_MINUTES, FIRST_OPEN, "42000.00",
                i -> DerivedIds.from("test-candle", symbol, i));
        List<CandleClosed> candles = new ArrayList<>(series.move(40, -0.4));
        candles.addAll(series.move(30, 1.5));
        return candles;
    }

    private List<Optional<SignalValidated>> feed(List<CandleClosed> candles) {
        return candles.stream().map(service::evaluate).toList();
    }

    private static int indexOfSignal(List<Optional<SignalValidated>> results) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).isPresent()) {
                indexes.add(i);
            }
        }
        assertThat(indexes).as("bars that produced a signal").hasSize(1);
        return indexes.getFirst();
    }

    @Test
    void aCrossStoresThenPublishesOneValidatedSignalInTheCandlesChain() {
        List<CandleClosed> candles = vShape("BTCUSDT");
        List<Optional<SignalValidated>> results = feed(candles);

        int at = indexOfSignal(results);
        CandleClosed candle = candles.get(at);
        SignalValidated signal = results.get(at).orElseThrow();
        assertThat(bus.published).containsExactly(signal);
        assertThat(signal.side()).isEqualTo(Side.BUY);
        assertThat(signal.strategyId()).isEqualTo("ema-crossover");
        assertThat(signal.signalId()).isEqualTo(DerivedIds.from("signal", "ema-crossover", candle.symbol(),
                candle.interval(), candle.openTime()));
        assertThat(signal.envelope().correlationId()).isEqualTo(candle.envelope().eventId());
        assertThat(signal.envelope().causationId()).isEqualTo(candle.envelope().eventId());
        assertThat(signal.envelope().eventTime()).isEqualTo(candle.envelope().eventTime());
        assertThat(signal.envelope().processingTime()).isEqualTo(NOW);
        assertThat(signal.candleCloseTime()).isEqualTo(candle.closeTime());
        assertThat(signal.referencePrice().value()).isEqualTo(candle.close().value());
        assertThat(signal.stopPrice().value().scale()).isEqualTo(candle.close().value().scale());
        assertThat(signal.stopPrice()).isLessThan(signal.referencePrice());
        assertThat(signal.tradeable()).isEqualTo(signal.action() != RecommendedAction.SKIP);
        assertThat(signal.reasons()).extracting(Reason::code).contains("EMA_CROSS_UP", "SEPARATION", "SLOW_EMA_SLOPE", "STRENGTH",
                "GRADE_" + signal.grade(), "VOLATILITY_UNKNOWN");
        // The lone crossover is its own one-analyst consensus: net = agreement-weighted confidence, so it
        // scores 0.35 + 0.65 x confidence and the verdict follows it once its confidence reaches 0.25.
        assertThat(signal.reasons()).extracting(Reason::code).containsAnyOf("VERDICT_AGREES", "VERDICT_HOLD")
                .doesNotContain("VERDICT_OPPOSES", "STRATEGY_PAUSED");

        assertThat(store.rows).containsOnlyKeys(signal.signalId());
        assertThat(store.rows.get(signal.signalId()).signal()).isEqualTo(signal);
        assertThat(store.rows.get(signal.signalId()).createdAt()).isEqualTo(NOW);
        assertThat(journal.entries).containsExactly("store " + signal.signalId(), "publish " + signal.signalId());
        assertThat(metrics.validations).containsExactly("ema-crossover/" + signal.grade() + "/" + signal.action());
        assertThat(metrics.strengths).containsExactly(signal.strength());
        assertThat(metrics.latencies).isEqualTo(candles.size());
    }

    @Test
    void aRedeliveredSignalCandleRepublishesTheIdenticalSignalWithoutASecondRow() {
        List<CandleClosed> candles = vShape("BTCUSDT");
        int at = indexOfSignal(feed(candles.subList(0, 60)));
        SignalValidated first = bus.published.getFirst();

        Optional<SignalValidated> again = service.evaluate(candles.get(at));
        assertThat(again).isEmpty(); // not the last bar any more: an old duplicate, nothing to complete

        List<CandleClosed> upToSignal = candles.subList(0, at + 1);
        EvaluateClosedCandleService fresh = new EvaluateClosedCandleService(EmaCrossoverStrategy::withDefaults,
                PANEL, new SignalValidator(), registry, store, bus, metrics, new Fakes.SequentialIds(), Clock.fixed(NOW, ZoneOffset.UTC));
        upToSignal.forEach(fresh::evaluate);
        int publishedBefore = bus.published.size();
        Optional<SignalValidated> replayed = fresh.evaluate(candles.get(at));
        assertThat(replayed).isPresent();
        assertThat(bus.published).hasSize(publishedBefore + 1);
        assertThat(bus.published.getLast()).isEqualTo(bus.published.get(publishedBefore - 1));
        assertThat(replayed.get().signalId()).isEqualTo(first.signalId());
        assertThat(store.rows).hasSize(1);
        assertThat(metrics.ignored).containsExactly("out_of_order", "duplicate");
        assertThat(metrics.validations).hasSize(2); // one per service instance, none for the replay
    }

    @Test
    void aFailedPublishIsCompletedByTheRetryOfTheSameCandle() {
        List<CandleClosed> candles = vShape("ETHUSDT");
        int at = indexOfSignal(feed(candles)); // find where it fires
        bus.published.clear();
        store.rows.clear();

        EvaluateClosedCandleService retrying = new EvaluateClosedCandleService(EmaCrossoverStrategy::withDefaults,
                PANEL, new SignalValidator(), registry, store, bus, metrics, new Fakes.SequentialIds(), Clock.fixed(NOW, ZoneOffset.UTC));
        candles.subList(0, at).forEach(retrying::evaluate);
        bus.failuresToInject = 1;
        assertThatThrownBy(() -> retrying.evaluate(candles.get(at))).isInstanceOf(IllegalStateException.class);
        assertThat(bus.published).isEmpty();
        assertThat(store.rows).hasSize(1); // stored before the failed publish

        SignalValidated retried = retrying.evaluate(candles.get(at)).orElseThrow();
        assertThat(bus.published).containsExactly(retried);
        assertThat(store.rows).hasSize(1);
        assertThat(retried.envelope().correlationId()).isEqualTo(candles.get(at).envelope().eventId());
    }

    @Test
    void signalsOfAPausedStrategyAreRecordedButNotTradeable() {
        registry.put(strategy(StrategyState.PAUSED));
        List<Optional<SignalValidated>> results = feed(vShape("BTCUSDT"));
        SignalValidated signal = results.get(indexOfSignal(results)).orElseThrow();
        assertThat(signal.tradeable()).isFalse();
        assertThat(signal.reasons()).extracting(Reason::code).contains("STRATEGY_PAUSED");
        assertThat(store.rows).hasSize(1);
    }

    @Test
    void aFlaggedCandleOnTheCrossIsSkippedForDataQuality() {
        List<CandleClosed> clean = vShape("BTCUSDT");
        int at = indexOfSignal(feed(clean));
        CandleClosed original = clean.get(at);
        store.rows.clear();
        bus.published.clear();
        CandleClosed flagged = new CandleClosed(original.envelope(), original.symbol(), original.interval(), original.openTime(),
                original.closeTime(), original.open(), original.high(), original.low(), original.close(), original.volume(),
                original.quoteVolume(), original.trades(), original.takerBuyBaseVolume(), original.takerBuyQuoteVolume(),
                original.source(), List.of("PRICE_OUTLIER"));
        EvaluateClosedCandleService other = new EvaluateClosedCandleService(EmaCrossoverStrategy::withDefaults,
                PANEL, new SignalValidator(), registry, store, bus, metrics, new Fakes.SequentialIds(), Clock.fixed(NOW, ZoneOffset.UTC));
        clean.subList(0, at).forEach(other::evaluate);
        SignalValidated signal = other.evaluate(flagged).orElseThrow();
        assertThat(signal.action()).isEqualTo(RecommendedAction.SKIP);
        assertThat(signal.grade()).isEqualTo(Grade.F);
        assertThat(signal.strength()).isZero();
        assertThat(signal.tradeable()).isFalse();
        assertThat(signal.reasons()).extracting(Reason::code).contains("DATA_QUALITY");
    }

    @Test
    void eachSymbolAndIntervalHasItsOwnIndicators() {
        List<CandleClosed> btc = vShape("BTCUSDT");
        List<CandleClosed> eth = vShape("ETHUSDT");
        List<Optional<SignalValidated>> btcResults = new ArrayList<>();
        for (int i = 0; i < btc.size(); i++) {
            btcResults.add(service.evaluate(btc.get(i)));
            service.evaluate(eth.get(i));
        }
        assertThat(bus.published).hasSize(2);
        assertThat(bus.published).extracting(s -> s.symbol().value()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(btcResults.get(indexOfSignal(btcResults)).orElseThrow().signalId())
                .isNotEqualTo(bus.published.getLast().signalId());
        assertThat(metrics.ignored).isEmpty();
    }

    @Test
    void aTurnWithinTheWarmUpBarsIsNoSignal() {
        CandleSeries series = new CandleSeries("BTCUSDT", Interval.ONE_HOUR, FIRST_OPEN, "42000.00",
                i -> DerivedIds.from("test-candle", "warm-up", i));
        List<CandleClosed> candles = new ArrayList<>(series.move(8, -1.0));
        candles.addAll(series.move(40, 1.0));
        feed(candles);
        assertThat(bus.published).isEmpty();
        assertThat(store.rows).isEmpty();
    }
}
