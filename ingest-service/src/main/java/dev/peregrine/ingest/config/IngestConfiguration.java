package dev.peregrine.ingest.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.ingest.application.ReplayCoordinator;
import dev.peregrine.ingest.application.ReplayKlineFile;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.IngestMetrics;
import dev.peregrine.ingest.application.port.out.KlineSource;
import dev.peregrine.ingest.application.port.out.MarketEventPublisher;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.application.port.out.RejectionStore;
import dev.peregrine.ingest.application.port.out.ReplayRunStore;
import dev.peregrine.ingest.domain.CandleQualityRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;

/** Builds ingest's use cases from their ports. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean
    public CandleQualityRules candleQualityRules() {
        return new CandleQualityRules();
    }

    @Bean
    public ReplayKlineFile replayKlineFile(KlineSource source, CandleStore candles, RejectionStore rejections,
                                           ReplayRunStore runs, MarketEventPublisher publisher, IngestMetrics metrics,
                                           Pacer pacer, CandleQualityRules rules, Clock clock, IdGenerator ids,
                                           IngestProperties properties) {
        return new ReplayKlineFile(source, candles, rejections, runs, publisher, metrics, pacer, rules, clock, ids,
                properties.replay().batchSize());
    }

    /** Closed before the data source, so a replay stopped by shutdown can still record that it stopped. */
    @Bean(destroyMethod = "close")
    public ReplayCoordinator replayCoordinator(ReplayKlineFile replay, KlineSource source, ReplayRunStore runs,
                                               Clock clock, IdGenerator ids) {
        return new ReplayCoordinator(replay, source, runs,
                Executors.newSingleThreadExecutor(Thread.ofPlatform().name("kline-replay").daemon(true).factory()),
                clock, ids);
    }
}
