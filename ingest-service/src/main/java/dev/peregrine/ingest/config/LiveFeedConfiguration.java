package dev.peregrine.ingest.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.adapter.in.binance.ConnectorStreamConnector;
import dev.peregrine.ingest.adapter.in.binance.LiveFeedLifecycle;
import dev.peregrine.ingest.adapter.out.binance.BinanceRestClient;
import dev.peregrine.ingest.adapter.out.binance.BinanceRestClients;
import dev.peregrine.ingest.adapter.out.binance.RestSettings;
import dev.peregrine.ingest.adapter.out.scheduling.ExecutorFeedLoop;
import dev.peregrine.ingest.application.BackfillService;
import dev.peregrine.ingest.application.ConnectionAudit;
import dev.peregrine.ingest.application.FindConnectionEventsService;
import dev.peregrine.ingest.application.InstrumentSync;
import dev.peregrine.ingest.application.LiveFeed;
import dev.peregrine.ingest.application.LiveFeedSettings;
import dev.peregrine.ingest.application.LivePipeline;
import dev.peregrine.ingest.application.QualityStages;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.ConnectionEventStore;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.InstrumentPublisher;
import dev.peregrine.ingest.application.port.out.InstrumentStore;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.domain.live.StreamType;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live Binance feed's wiring. The audit trail's query side is always there (the API answers with an empty
 * list when the feed is off); everything that connects only exists with {@code peregrine.ingest.binance.enabled}.
 */
@Configuration(proxyBeanMethods = false)
public class LiveFeedConfiguration {

    @Bean
    public FindConnectionEventsService connectionHistory(ConnectionEventStore store) {
        return new FindConnectionEventsService(store);
    }

    /** Beans of the running feed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "peregrine.ingest.binance.enabled", havingValue = "true")
    public static class Enabled {

        @Bean
        public ConnectionAudit connectionAudit(ConnectionEventStore store, Clock clock, IdGenerator ids) {
            return new ConnectionAudit(store, clock, ids);
        }

        /** Closed after the feed, so that the feed's last task (closing its connections) still runs. */
        @Bean(destroyMethod = "close")
        public ExecutorFeedLoop feedLoop() {
            return new ExecutorFeedLoop();
        }

        /** The REST calls (backfills, instruments) one at a time, off the feed's thread: they may wait minutes. */
        @Bean(destroyMethod = "shutdownNow")
        public ExecutorService binanceRestWorker() {
            return Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("binance-rest").daemon(true).factory());
        }

        @Bean
        public BinanceRestClient binanceRestClient(
                IngestProperties properties, ConnectionAudit audit, FeedMetrics metrics, Clock clock) {
            BinanceProperties binance = properties.binance();
            BinanceRestProperties rest = binance.rest();
            return BinanceRestClients.create(
                    new RestSettings(
                            binance.restBaseUrl(),
                            rest.timeout(),
                            rest.weightLimit(),
                            rest.weightSlowdownRatio(),
                            rest.requestsPerSecond(),
                            rest.maxAttempts(),
                            rest.maxRetryWait(),
                            rest.defaultRetryAfter(),
                            rest.circuitBreakerOpen()),
                    audit,
                    metrics,
                    clock);
        }

        @Bean
        public BackfillService backfillService(
                BinanceRestClient rest, Pacer pacer, Clock clock, IngestProperties properties) {
            return new BackfillService(
                    rest, pacer, clock, properties.binance().rest().maxBackfillCandles());
        }

        @Bean
        public InstrumentSync instrumentSync(
                BinanceRestClient rest,
                InstrumentStore store,
                InstrumentPublisher publisher,
                Clock clock,
                IdGenerator ids) {
            return new InstrumentSync(rest, store, publisher, clock, ids);
        }

        @Bean
        public LivePipeline livePipeline(
                QualityStages quality,
                BackfillService backfill,
                ExecutorService binanceRestWorker,
                ExecutorFeedLoop loop,
                CandleStore candles,
                RejectionStore rejections,
                MarketEventPublisher publisher,
                ConnectionAudit audit,
                IngestMetrics metrics,
                FeedMetrics feedMetrics,
                Clock clock,
                IdGenerator ids,
                IngestProperties properties) {
            return new LivePipeline(
                    quality,
                    backfill,
                    binanceRestWorker,
                    loop,
                    candles,
                    rejections,
                    publisher,
                    audit,
                    metrics,
                    feedMetrics,
                    clock,
                    ids,
                    properties.binance().backfillDepth());
        }

        @Bean(destroyMethod = "close")
        public LiveFeed liveFeed(
                IngestProperties properties,
                LivePipeline pipeline,
                InstrumentSync instruments,
                ExecutorFeedLoop loop,
                ExecutorService binanceRestWorker,
                ConnectionAudit audit,
                FeedMetrics metrics,
                Clock clock) {
            BinanceProperties binance = properties.binance();
            LiveFeedSettings settings = new LiveFeedSettings(
                    binance.symbols().stream()
                            .map(Symbol::parseLenient)
                            .distinct()
                            .toList(),
                    binance.intervals().stream()
                            .map(Interval::fromCode)
                            .distinct()
                            .toList(),
                    new LinkedHashSet<>(
                            binance.streams().stream().map(StreamType::fromCode).toList()),
                    binance.maxStreamsPerConnection(),
                    binance.connectSpacing(),
                    binance.plannedReconnect(),
                    binance.reconnectInitialBackoff(),
                    binance.reconnectMaxBackoff(),
                    binance.reconnectJitter(),
                    binance.instrumentRefresh(),
                    binance.heartbeat(),
                    binance.maxQueuedMessages(),
                    binance.silenceTimeout());
            // Unseeded in production; only the jitter of reconnect delays draws from it.
            return new LiveFeed(
                    settings,
                    new ConnectorStreamConnector(binance.wsBaseUrl()),
                    pipeline,
                    instruments,
                    loop,
                    binanceRestWorker,
                    audit,
                    metrics,
                    clock,
                    new SplittableRandom());
        }

        @Bean
        public LiveFeedLifecycle liveFeedLifecycle(LiveFeed feed) {
            return new LiveFeedLifecycle(feed);
        }
    }
}
