package dev.peregrine.signal.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.signal.application.ActiveModel;
import dev.peregrine.signal.application.EvaluateClosedCandleService;
import dev.peregrine.signal.application.ManageModelsService;
import dev.peregrine.signal.application.ManageStrategiesService;
import dev.peregrine.signal.application.QueryDebatesService;
import dev.peregrine.signal.application.SignalChain;
import dev.peregrine.signal.application.SignalChainSettings;
import dev.peregrine.signal.application.StrategyRegistry;
import dev.peregrine.signal.application.port.out.CandleStore;
import dev.peregrine.signal.application.port.out.DebateReader;
import dev.peregrine.signal.application.port.out.ModelArtefactReader;
import dev.peregrine.signal.application.port.out.ModelStore;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.application.port.out.SignalPublisher;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.application.port.out.StrategyEventPublisher;
import dev.peregrine.signal.application.port.out.StrategyStore;
import dev.peregrine.signal.domain.LowStrengthPause;
import dev.peregrine.signal.domain.ValidationConfig;
import dev.peregrine.signal.domain.analyst.Analyst;
import dev.peregrine.signal.domain.consensus.ArbiterConfig;
import dev.peregrine.signal.domain.consensus.ConsensusConfig;
import dev.peregrine.signal.domain.ml.MlFilter;
import dev.peregrine.signal.domain.ml.ModelSource;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the use cases from their ports and the analyst pipeline from its configuration. */
@Configuration(proxyBeanMethods = false)
public class SignalConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SignalConfiguration.class);

    /** Loaded before any listener starts: listener containers start only after every singleton exists. */
    @Bean
    public StrategyRegistry strategyRegistry(StrategyStore strategyStore) {
        return new StrategyRegistry(strategyStore.loadAll());
    }

    /** The chain's settings from {@code peregrine.signal.*}, without a model source (see {@link #signalChain}). */
    public static SignalChainSettings chainSettings(SignalProperties properties) {
        SignalProperties.Consensus consensus = properties.consensus();
        return new SignalChainSettings(
                        new ConsensusConfig(
                                consensus.minAgreeing(), consensus.conflictThreshold(), consensus.maxConflictPenalty()),
                        new ArbiterConfig(properties.arbiter().convictionThreshold()))
                .withMlFilter(new MlFilter(properties.ml().threshold(), ModelSource.NONE));
    }

    /** The registry's active model, loaded before any listener starts (as the strategy registry is). */
    @Bean
    public ActiveModel activeModel(ModelStore store, ModelArtefactReader reader, SignalMetrics metrics) {
        return new ActiveModel(store, reader, metrics);
    }

    /** Polls the registry, so a promotion or rollback made through another replica reaches this one. */
    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService modelRegistryPoller(SignalProperties properties, ActiveModel activeModel) {
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("ml-registry-poller").daemon(true).factory());
        long every = properties.ml().pollInterval().toMillis();
        poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        activeModel.refresh();
                    } catch (RuntimeException e) {
                        // A database hiccup: the model in use stays; the next poll tries again.
                        log.warn("Polling the ML model registry failed; the model in use stays", e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        return poller;
    }

    @Bean
    public ManageModelsService manageModels(
            ModelStore store, ModelArtefactReader reader, ActiveModel activeModel, Clock clock) {
        return new ManageModelsService(store, reader, activeModel, clock);
    }

    /**
     * The one signal chain (the offline tools run the same class, see {@link SignalChain#withServiceDefaults()}). Every
     * {@link Analyst} bean joins the standard five, in bean order ({@code @Order}): that is how an analyst is added
     * (docs/architecture.md, "Adding an analyst").
     */
    @Bean
    public SignalChain signalChain(
            SignalProperties properties,
            ValidationProperties validation,
            StrengthPauseProperties strengthPause,
            StrategyRegistry registry,
            ObjectProvider<Analyst> addedAnalysts,
            ActiveModel activeModel) {
        return signalChain(
                properties, validation.toConfig(), strengthPause.toRule(), registry, addedAnalysts, activeModel);
    }

    /** The service's chain without a model registry (offline tools that wire the service as it is built). */
    public SignalChain signalChain(
            SignalProperties properties, StrategyRegistry registry, ObjectProvider<Analyst> addedAnalysts) {
        return signalChain(
                properties,
                ValidationConfig.defaults(),
                LowStrengthPause.OFF,
                registry,
                addedAnalysts,
                ModelSource.NONE);
    }

    /** @param validation the validator's configuration; its calibration file was read (and checked) at start-up */
    private SignalChain signalChain(
            SignalProperties properties,
            ValidationConfig validation,
            LowStrengthPause strengthPause,
            StrategyRegistry registry,
            ObjectProvider<Analyst> addedAnalysts,
            ModelSource activeModel) {
        SignalChainSettings settings = chainSettings(properties);
        validation
                .calibration()
                .ifPresentOrElse(
                        c -> log.info("Signal confidence calibrated by {}", c.describe()),
                        () -> log.info("Signal confidence uncalibrated (strength / 100): no calibration file"));
        return new SignalChain(
                new SignalChainSettings(
                        settings.consensus(),
                        settings.arbiter(),
                        addedAnalysts.orderedStream().toList(),
                        new MlFilter(properties.ml().threshold(), activeModel),
                        validation,
                        strengthPause),
                registry);
    }

    @Bean
    public EvaluateClosedCandleService evaluateClosedCandle(
            SignalProperties properties,
            SignalChain chain,
            CandleStore candles,
            SignalValidationStore store,
            SignalPublisher publisher,
            SignalMetrics metrics,
            IdGenerator idGenerator,
            Clock clock) {
        return new EvaluateClosedCandleService(
                chain,
                candles,
                store,
                publisher,
                metrics,
                idGenerator,
                clock,
                properties.rebuildBars(),
                new EvaluateClosedCandleService.SeriesLimits(
                        properties.series().maxSeries(), properties.series().idleAfter()));
    }

    @Bean
    public ManageStrategiesService manageStrategies(
            StrategyRegistry registry,
            StrategyStore store,
            StrategyEventPublisher publisher,
            SignalMetrics metrics,
            IdGenerator idGenerator,
            Clock clock) {
        return new ManageStrategiesService(registry, store, publisher, metrics, idGenerator, clock);
    }

    @Bean
    public QueryDebatesService queryDebates(DebateReader reader) {
        return new QueryDebatesService(reader);
    }
}
