package dev.peregrine.benchmarks.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.json.EventCodec;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.adapter.in.kafka.CandleBatchScope;
import dev.peregrine.signal.adapter.in.kafka.CandleListener;
import dev.peregrine.signal.application.EvaluateClosedCandleService;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.application.SignalChainSettings;
import dev.peregrine.signal.application.port.out.CandleStore;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.config.SignalConfiguration;
import dev.peregrine.signal.config.SignalProperties;
import dev.peregrine.signal.domain.SignalValidation;
import dev.peregrine.signal.domain.analyst.Analyst;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.consensus.ArbiterConfig;
import dev.peregrine.signal.domain.consensus.ConsensusConfig;
import dev.peregrine.signal.domain.consensus.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * One chain: the candles signal-service receives on {@code market.candles.v1} and the same candles read by the
 * benchmarks give the same validated signals, ids included.
 * <ul>
 *   <li>(a) the service path: each candle as a {@code CandleClosed} encoded as JSON by the {@link EventCodec} (the
 *       Kafka record), decoded by signal-service's {@link CandleListener} and handed to the
 *       {@link EvaluateClosedCandleService} that {@link SignalConfiguration} builds from the shipped
 *       {@code signal-service.yml} and the registry as the migrations leave it; the published signals are
 *       collected at its publisher port;</li>
 *   <li>(b) the benchmark path: the bars as {@link Klines} reads them, through the chain {@link SignalGradeReport} and
 *       {@link SignalHotPathBenchmark} run ({@link SignalChain#withServiceDefaults()}), and the grade report's own
 *       outcomes.</li>
 * </ul>
 * Compared per signal: id, strategy, series, candle close, side, strength, grade, confidence, size multiplier,
 * action, tradeable, reference and stop price, reasons, regime.
 */
class OneChainParityTest {

    private static final Interval FIFTEEN = Interval.FIFTEEN_MINUTES;

    @Test
    void generatedBarsWithFlaggedCandlesGiveTheSameSignalsThroughTheServiceAndTheBenchmarkChain() {
        List<Bar> bars = new ArrayList<>(Klines.generated(6_000, FIFTEEN.length(), 11));
        for (int i = 300; i < bars.size(); i += 41) {
            Bar b = bars.get(i);
            bars.set(
                    i,
                    new Bar(
                            b.openTime(),
                            b.closeTime(),
                            b.open(),
                            b.high(),
                            b.low(),
                            b.close(),
                            b.volume(),
                            b.quoteVolume(),
                            b.takerBuyBaseVolume(),
                            List.of("PRICE_SPIKE")));
        }

        List<String> service = throughTheService("GENUSDT", bars);
        List<String> benchmark = throughTheBenchmarkChain(SignalChain.withServiceDefaults(), "GENUSDT", bars);

        assertSame(service, benchmark);
        assertThat(benchmark).hasSizeGreaterThan(500);
        assertThat(benchmark).anyMatch(s -> s.contains(" TRADE ")).anyMatch(s -> s.contains("DATA_QUALITY"));
        // The comparison can fail: a chain configured otherwise (three analysts must agree) decides otherwise.
        SignalChain threeAgreeing = new SignalChain(
                new SignalChainSettings(
                        new ConsensusConfig(
                                3,
                                ConsensusConfig.DEFAULT_CONFLICT_THRESHOLD,
                                ConsensusConfig.DEFAULT_MAX_CONFLICT_PENALTY),
                        ArbiterConfig.defaults()),
                SignalChain.registeredAnalysts());
        assertThat(throughTheBenchmarkChain(threeAgreeing, "GENUSDT", bars)).isNotEqualTo(service);
    }

    /**
     * Every real BTCUSDT and XRPUSDT 15m kline (the symbols the grade report's figures were first checked on), and
     * the grade report's outcomes of them. Skipped when ../shared/data is absent (a fresh clone has none).
     */
    @Test
    void realKlinesGiveTheSameSignalsThroughTheServiceAndTheBenchmarkChainAndTheGradeReportGradesThoseSignals() {
        for (String symbol : List.of("BTCUSDT", "XRPUSDT")) {
            Optional<Path> file = Klines.locate(symbol, FIFTEEN.code());
            assumeTrue(file.isPresent(), "../shared/data is absent (fresh clone): real-data parity skipped");
            List<Bar> bars = Klines.read(file.get());

            List<SignalValidated> published = new ArrayList<>();
            List<String> service = throughTheService(symbol, bars, published);
            List<String> benchmark = throughTheBenchmarkChain(SignalChain.withServiceDefaults(), symbol, bars);
            assertSame(service, benchmark);
            assertThat(benchmark).hasSizeGreaterThan(10_000);

            SignalGradeReport.SymbolRun run =
                    SignalGradeReport.run(symbol, bars, FIFTEEN, SignalGradeReport.DEFAULT_HORIZON);
            assertThat(run.signals()).isEqualTo(published.size());
            Map<UUID, SignalValidated> byId = new HashMap<>();
            published.forEach(
                    signal -> assertThat(byId.put(signal.signalId(), signal)).isNull());
            for (SignalGradeReport.Outcome outcome : run.outcomes()) {
                SignalValidated signal = byId.get(outcome.signalId());
                assertThat(signal)
                        .as("the service published signal %s", outcome.signalId())
                        .isNotNull();
                assertThat(List.of(
                                outcome.strategy(),
                                outcome.side(),
                                outcome.strength(),
                                outcome.grade(),
                                outcome.confidence(),
                                outcome.action(),
                                outcome.tradeable(),
                                outcome.signalTime().plus(FIFTEEN.length())))
                        .isEqualTo(List.of(
                                signal.strategyId(),
                                signal.side(),
                                signal.strength(),
                                signal.grade(),
                                signal.confidence(),
                                signal.action(),
                                signal.tradeable(),
                                signal.candleCloseTime().plusMillis(1)));
            }
            assertThat(run.outcomes()).hasSizeGreaterThan(published.size() - 100);
        }
    }

    private static void assertSame(List<String> service, List<String> benchmark) {
        for (int i = 0; i < Math.min(service.size(), benchmark.size()); i++) {
            assertThat(benchmark.get(i))
                    .as("signal %d of %d", i, service.size())
                    .isEqualTo(service.get(i));
        }
        assertThat(benchmark).hasSameSizeAs(service);
    }

    /** (b) The benchmarks' path: a series of {@code chain}, fed the bars as read. */
    private static List<String> throughTheBenchmarkChain(SignalChain chain, String symbol, List<Bar> bars) {
        SignalChain.Series series = chain.newSeries(Symbol.of(symbol), FIFTEEN);
        List<String> decisions = new ArrayList<>();
        for (Bar bar : bars) {
            if (series.next(bar) instanceof SignalChain.Step.Judged judged) {
                String regime = judged.assessment().regime().label();
                for (SignalChain.ValidatedSignal signal : judged.signals()) {
                    SignalValidation v = signal.validation();
                    decisions.add(decision(
                            signal.signalId(),
                            v.analystId(),
                            symbol,
                            bar.closeTime().toString(),
                            v.side(),
                            v.strength(),
                            v.grade(),
                            v.confidence(),
                            v.sizeMultiplier(),
                            v.action(),
                            v.tradeable(),
                            v.referencePrice(),
                            v.stopPrice(),
                            v.reasons(),
                            regime));
                }
            }
        }
        return decisions;
    }

    private static List<String> throughTheService(String symbol, List<Bar> bars) {
        return throughTheService(symbol, bars, new ArrayList<>());
    }

    /** (a) The service's path: Kafka record → CandleListener → EvaluateClosedCandleService as the service wires it. */
    private static List<String> throughTheService(String symbol, List<Bar> bars, List<SignalValidated> published) {
        SignalProperties properties = shippedProperties();
        SignalConfiguration configuration = new SignalConfiguration();
        // The shipped service declares no Analyst beans of its own: the chain has the registered five only.
        SignalChain chain = configuration.signalChain(
                properties,
                SignalChain.registeredAnalysts(),
                new StaticListableBeanFactory().getBeanProvider(Analyst.class));
        EvaluateClosedCandleService service = configuration.evaluateClosedCandle(
                properties,
                chain,
                new NoCandles(),
                candle -> {},
                published::addAll,
                new NoMetrics(),
                UUID::randomUUID,
                Clock.systemUTC());
        EventCodec codec = new EventCodec();
        CandleListener listener =
                new CandleListener(codec, service, CandleBatchScope.IMMEDIATE, new SimpleMeterRegistry());
        int[] acknowledged = {0};
        for (int i = 0; i < bars.size(); i++) {
            String json = codec.encode(candle(symbol, bars.get(i), i));
            listener.onCandles(
                    List.of(new ConsumerRecord<>("market.candles.v1", 0, i, symbol, json)), () -> acknowledged[0]++);
        }
        assertThat(acknowledged[0]).isEqualTo(bars.size());
        List<String> decisions = new ArrayList<>(published.size());
        for (SignalValidated s : published) {
            decisions.add(decision(
                    s.signalId(),
                    s.strategyId(),
                    s.symbol().value(),
                    s.candleCloseTime().toString(),
                    s.side(),
                    s.strength(),
                    s.grade(),
                    s.confidence(),
                    s.sizeMultiplier(),
                    s.action(),
                    s.tradeable(),
                    s.referencePrice().value(),
                    s.stopPrice().value(),
                    s.reasons(),
                    s.regime()));
        }
        return decisions;
    }

    private static String decision(
            UUID signalId,
            String strategy,
            String symbol,
            String candleClose,
            Object side,
            int strength,
            Grade grade,
            double confidence,
            double size,
            RecommendedAction action,
            boolean tradeable,
            BigDecimal reference,
            BigDecimal stop,
            Object reasons,
            String regime) {
        return signalId + " " + strategy + " " + symbol + " " + candleClose + " " + side + " " + strength + " " + grade
                + " "
                + confidence + " " + size + " " + action + " " + tradeable + " " + reference.toPlainString() + " "
                + stop.toPlainString() + " " + reasons + " " + regime;
    }

    /** The kline as ingest publishes it (the fields signal-service reads; trades and taker quote volume unused). */
    private static CandleClosed candle(String symbol, Bar bar, int index) {
        return new CandleClosed(
                Envelope.root(
                        DerivedIds.from("parity-candle", symbol, index),
                        bar.closeTime(),
                        bar.closeTime().plusMillis(100)),
                Symbol.of(symbol),
                FIFTEEN,
                bar.openTime(),
                bar.closeTime(),
                Price.of(bar.open()),
                Price.of(bar.high()),
                Price.of(bar.low()),
                Price.of(bar.close()),
                Quantity.of(bar.volume()),
                Quantity.of(bar.quoteVolume()),
                0,
                Quantity.of(bar.takerBuyBaseVolume()),
                Quantity.ZERO,
                "replay:parity",
                bar.qualityFlags());
    }

    /** signal-service.yml as the service binds it. */
    private static SignalProperties shippedProperties() {
        try {
            var sources = new YamlPropertySourceLoader()
                    .load("signal-service.yml", new ClassPathResource("signal-service.yml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("peregrine.signal", SignalProperties.class)
                    .orElseThrow(() -> new AssertionError("signal-service.yml has no peregrine.signal section"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store with no history: every series starts fresh, as on a first start. */
    private static final class NoCandles implements CandleStore {

        @Override
        public void save(CandleClosed candle) {}

        @Override
        public List<Bar> latest(Symbol symbol, Interval interval, int limit) {
            return List.of();
        }
    }

    private static final class NoMetrics implements SignalMetrics {

        @Override
        public void signalValidated(String strategyId, Grade grade, RecommendedAction action, int strength) {}

        @Override
        public void candleIgnored(String reason) {}

        @Override
        public void evaluationLatency(Duration latency) {}

        @Override
        public void pausedStrategies(int count) {}

        @Override
        public void debateVerdict(Verdict.Decision decision) {}

        @Override
        public void consensusConflict() {}

        @Override
        public void seriesWarmth(int warm, int warming) {}

        @Override
        public void seriesRebuilt(int candles) {}

        @Override
        public void seriesEvicted(String reason) {}
    }
}
