package dev.peregrine.signal.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.signal.application.EvaluateClosedCandleService;
import dev.peregrine.signal.application.StrategyLifecycleService;
import dev.peregrine.signal.application.StrategyRegistry;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.application.port.out.SignalPublisher;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.application.port.out.StrategyEventPublisher;
import dev.peregrine.signal.application.port.out.StrategyStore;
import dev.peregrine.signal.domain.EmaCrossoverStrategy;
import dev.peregrine.signal.domain.SignalValidator;
import dev.peregrine.signal.domain.consensus.ArbiterConfig;
import dev.peregrine.signal.domain.consensus.ConsensusConfig;
import dev.peregrine.signal.domain.consensus.Deliberation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Builds the use cases from their ports. */
@Configuration(proxyBeanMethods = false)
public class SignalConfiguration {

    /** Loaded before any listener starts: listener containers start only after every singleton exists. */
    @Bean
    public StrategyRegistry strategyRegistry(StrategyStore strategyStore) {
        return new StrategyRegistry(strategyStore.loadAll());
    }

    @Bean
    public SignalValidator signalValidator() {
        return new SignalValidator();
    }

    @Bean
    public EvaluateClosedCandleService evaluateClosedCandle(SignalProperties properties, SignalValidator validator,
                                                            StrategyRegistry registry, SignalValidationStore store,
                                                            SignalPublisher publisher, SignalMetrics metrics,
                                                            IdGenerator idGenerator, Clock clock) {
        SignalProperties.EmaCrossover periods = properties.emaCrossover();
        // Transitional one-analyst panel: with the default of two agreeing analysts the lone crossover could
        // never get a direction. The analyst panel uses the defaults.
        Deliberation singleAnalystPanel = new Deliberation(ConsensusConfig.defaults().withMinAgreeing(1), ArbiterConfig.defaults());
        return new EvaluateClosedCandleService(
                () -> new EmaCrossoverStrategy(periods.fastPeriod(), periods.slowPeriod(), periods.atrPeriod()),
                singleAnalystPanel, validator, registry, store, publisher, metrics, idGenerator, clock);
    }

    @Bean
    public StrategyLifecycleService manageStrategies(StrategyRegistry registry, StrategyStore store,
                                                     StrategyEventPublisher publisher, SignalMetrics metrics,
                                                     IdGenerator idGenerator, Clock clock) {
        return new StrategyLifecycleService(registry, store, publisher, metrics, idGenerator, clock);
    }
}
