package dev.peregrine.signal.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.signal.application.DebateQueryService;
import dev.peregrine.signal.application.EvaluateClosedCandleService;
import dev.peregrine.signal.application.StrategyLifecycleService;
import dev.peregrine.signal.application.StrategyRegistry;
import dev.peregrine.signal.application.port.out.CandleStore;
import dev.peregrine.signal.application.port.out.DebateReader;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.application.port.out.SignalPublisher;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.application.port.out.StrategyEventPublisher;
import dev.peregrine.signal.application.port.out.StrategyStore;
import dev.peregrine.signal.domain.SeriesState;
import dev.peregrine.signal.domain.SignalPipeline;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.analyst.AnalystPanel;
import dev.peregrine.signal.domain.consensus.ArbiterConfig;
import dev.peregrine.signal.domain.consensus.ConsensusConfig;
import dev.peregrine.signal.domain.consensus.Deliberation;
import dev.peregrine.signal.domain.regime.RegimeWeights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Builds the use cases from their ports and the analyst pipeline from its configuration. */
@Configuration(proxyBeanMethods = false)
public class SignalConfiguration {

    /** Loaded before any listener starts: listener containers start only after every singleton exists. */
    @Bean
    public StrategyRegistry strategyRegistry(StrategyStore strategyStore) {
        return new StrategyRegistry(strategyStore.loadAll());
    }

    @Bean
    public SignalPipeline signalPipeline(SignalProperties properties) {
        SignalProperties.Consensus consensus = properties.consensus();
        Deliberation deliberation = new Deliberation(
                new ConsensusConfig(consensus.minAgreeing(), consensus.conflictThreshold(), consensus.maxConflictPenalty()),
                new ArbiterConfig(properties.arbiter().convictionThreshold()));
        return new SignalPipeline(AnalystPanel.withDefaults(), RegimeWeights.defaults(), deliberation, new SignalValidator());
    }

    @Bean
    public EvaluateClosedCandleService evaluateClosedCandle(SignalProperties properties, SignalPipeline pipeline,
                                                            StrategyRegistry registry, CandleStore candles,
                                                            SignalValidationStore store, SignalPublisher publisher,
                                                            SignalMetrics metrics, IdGenerator idGenerator, Clock clock) {
        return new EvaluateClosedCandleService(SeriesState::withDefaults, pipeline, registry, candles, store, publisher,
                metrics, idGenerator, clock, properties.rebuildBars());
    }

    @Bean
    public StrategyLifecycleService manageStrategies(StrategyRegistry registry, StrategyStore store,
                                                     StrategyEventPublisher publisher, SignalMetrics metrics,
                                                     IdGenerator idGenerator, Clock clock) {
        return new StrategyLifecycleService(registry, store, publisher, metrics, idGenerator, clock);
    }

    @Bean
    public DebateQueryService queryDebates(DebateReader reader) {
        return new DebateQueryService(reader);
    }
}
