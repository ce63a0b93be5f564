package dev.peregrine.ingest.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.adapter.in.health.BinanceStreamHealthIndicator;
import dev.peregrine.ingest.adapter.in.startup.ConfiguredReplayStarter;
import dev.peregrine.ingest.adapter.out.binance.ExchangeInfoSnapshot;
import dev.peregrine.ingest.adapter.out.file.FileKlineSource;
import dev.peregrine.ingest.adapter.out.file.ReplayFileRules;
import dev.peregrine.ingest.application.InstrumentSync;
import dev.peregrine.ingest.application.QualityStages;
import dev.peregrine.ingest.application.ReplayFile;
import dev.peregrine.ingest.application.ReplayInstruments;
import dev.peregrine.ingest.application.RunReplaysService;
import dev.peregrine.ingest.application.SnapshotInstruments;
import dev.peregrine.ingest.application.port.in.RunReplays;
import dev.peregrine.ingest.application.port.in.ViewFeedStatus;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.InstrumentPublisher;
import dev.peregrine.ingest.application.port.out.InstrumentStore;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds ingest's use cases from their ports. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

    /** Every feed opens its own stage from this: replays now, the live stream and REST backfill later. */
    @Bean
    public QualityStages qualityStages(IngestProperties properties, Clock clock, IngestMetrics metrics) {
        return new QualityStages(
                properties.quality().toSettings(), properties.quality().state().toLimits(), clock, metrics);
    }

    /**
     * Replays read only regular files below {@code peregrine.ingest.replay.allowed-directories}, or the configured
     * start-up file itself, within the size and line-length limits.
     */
    @Bean
    public FileKlineSource fileKlineSource(IngestProperties properties) {
        ReplayProperties replay = properties.replay();
        List<Path> directories = replay.allowedDirectories().stream()
                .map(String::trim)
                .filter(d -> !d.isEmpty())
                .map(Path::of)
                .toList();
        Optional<Path> configured = replay.file() == null || replay.file().isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(replay.file().trim()));
        ReplayFileRules rules = new ReplayFileRules(
                directories, configured, replay.maxFileSize().toBytes(), replay.maxLineLength());
        if (rules.allowedDirectories().isEmpty()) {
            log.info("peregrine.ingest.replay.allowed-directories is empty: POST /api/v1/replays refuses every file");
        } else {
            log.info(
                    "Replays read regular files below {} (at most {} bytes, lines of at most {} characters)",
                    rules.allowedDirectories(),
                    rules.maxFileSize(),
                    rules.maxLineLength());
        }
        return new FileKlineSource(rules);
    }

    /**
     * Two daemon platform threads named {@code replay-pipeline}, one storing and one publishing a speed-0 run's
     * batches, kept while replays follow each other (so that they show up in thread dumps and CPU accounting) and
     * ended after a minute without work. Core threads, since a pool grows past its core size only when its queue is
     * full, and both tasks must run at once. Closed after the coordinator, which stops a replay under way.
     */
    @Bean
    public ReplayPipelineThreads replayPipelineThreads() {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(
                2,
                2,
                1,
                TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("replay-pipeline").daemon(true).factory());
        threads.allowCoreThreadTimeOut(true);
        return new ReplayPipelineThreads(threads);
    }

    /**
     * The replay pipeline's pool, owned by the context. A type of its own: an {@code Executor} bean would stand in
     * for Spring Boot's task executor.
     */
    public record ReplayPipelineThreads(ExecutorService executor) implements AutoCloseable {

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    @Bean
    public ReplayFile replayFile(
            KlineSource source,
            CandleStore candles,
            RejectionStore rejections,
            ReplayRunStore runs,
            MarketEventPublisher publisher,
            IngestMetrics metrics,
            Pacer pacer,
            QualityStages quality,
            Clock clock,
            IdGenerator ids,
            IngestProperties properties,
            ReplayPipelineThreads pipeline) {
        return new ReplayFile(
                source,
                candles,
                rejections,
                runs,
                publisher,
                metrics,
                pacer,
                quality,
                clock,
                ids,
                properties.replay().batchSize(),
                properties.replay().batchesInFlight(),
                pipeline.executor());
    }

    /**
     * With the live feed on, its refresh keeps the instruments current and replays leave them alone; without it, each
     * replay syncs its symbols from the exchangeInfo snapshot, if one is configured.
     */
    @Bean
    public ReplayInstruments replayInstruments(
            IngestProperties properties,
            InstrumentStore store,
            InstrumentPublisher publisher,
            IngestMetrics metrics,
            Clock clock,
            IdGenerator ids) {
        if (properties.binance().enabled()) {
            log.info("Replays take no instruments from a snapshot: the live feed reads them from Binance");
            return ReplayInstruments.NONE;
        }
        if (!properties.instruments().snapshotGiven()) {
            log.warn(
                    "{} is empty: replays publish no instruments (no trading rules for risk)",
                    IngestProperties.SNAPSHOT_PROPERTY);
            return ReplayInstruments.NONE;
        }
        ExchangeInfoSnapshot snapshot = new ExchangeInfoSnapshot(
                properties.instruments().snapshot(),
                "Set " + IngestProperties.SNAPSHOT_PROPERTY + " (env PEREGRINE_INGEST_INSTRUMENTS_SNAPSHOT) to a "
                        + "readable exchangeInfo snapshot, e.g. "
                        + "classpath:exchange-info/binance-spot-exchangeinfo.json, "
                        + "or to empty to replay without instruments.",
                clock);
        log.info("Replays sync their instruments from the exchangeInfo snapshot {}", snapshot.location());
        return new SnapshotInstruments(snapshot, new InstrumentSync(snapshot, store, publisher, clock, ids), metrics);
    }

    /** Closed before the data source, so a replay stopped by shutdown can still record that it stopped. */
    @Bean(destroyMethod = "close")
    public RunReplaysService replayCoordinator(
            ReplayFile replay,
            ReplayInstruments instruments,
            KlineSource source,
            ReplayRunStore runs,
            Clock clock,
            IdGenerator ids) {
        return new RunReplaysService(
                replay,
                instruments,
                source,
                runs,
                Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("replay").daemon(true).factory()),
                clock,
                ids);
    }

    /** Starts {@code peregrine.ingest.replay.file}, if set, once the service is ready. */
    @Bean
    public ConfiguredReplayStarter configuredReplayStarter(RunReplays commands, IngestProperties properties) {
        ReplayProperties replay = properties.replay();
        return new ConfiguredReplayStarter(
                commands,
                new ConfiguredReplayStarter.Settings(
                        replay.file(), replay.format(), replay.speed(), replay.symbol(), replay.interval()));
    }

    /** Readiness: DOWN once a live stream connection has been down longer than the grace; UP when the feed is off. */
    @Bean
    public BinanceStreamHealthIndicator binanceStreamHealthIndicator(
            ObjectProvider<ViewFeedStatus> feed, Clock clock, IngestProperties properties) {
        return new BinanceStreamHealthIndicator(
                feed, clock, properties.binance().readinessGrace());
    }
}
