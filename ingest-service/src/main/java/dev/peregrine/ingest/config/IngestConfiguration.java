package dev.peregrine.ingest.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.application.QualityStages;
import dev.peregrine.ingest.application.ReplayCoordinator;
import dev.peregrine.ingest.application.ReplayFile;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;

/** Builds ingest's use cases from their ports. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    /** Every feed opens its own stage from this: replays now, the live stream and REST backfill later. */
    @Bean
    public QualityStages qualityStages(IngestProperties properties, Clock clock) {
        return new QualityStages(properties.quality().toSettings(), clock);
    }

    @Bean
    public ReplayFile replayFile(KlineSource source, CandleStore candles, RejectionStore rejections,
                                 ReplayRunStore runs, MarketEventPublisher publisher, IngestMetrics metrics,
                                 Pacer pacer, QualityStages quality, Clock clock, IdGenerator ids,
                                 IngestProperties properties) {
        return new ReplayFile(source, candles, rejections, runs, publisher, metrics, pacer, quality, clock, ids,
                properties.replay().batchSize(), properties.replay().batchesInFlight(),
                ReplayFile.pipelineThreads());
    }

    /** Closed before the data source, so a replay stopped by shutdown can still record that it stopped. */
    @Bean(destroyMethod = "close")
    public ReplayCoordinator replayCoordinator(ReplayFile replay, KlineSource source, ReplayRunStore runs,
                                               Clock clock, IdGenerator ids) {
        return new ReplayCoordinator(replay, source, runs,
                Executors.newSingleThreadExecutor(Thread.ofPlatform().name("replay").daemon(true).factory()),
                clock, ids);
    }
}
