package dev.peregrine.monitor.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.monitor.application.ExpireOutcomes;
import dev.peregrine.monitor.application.MeasureOutcomes;
import dev.peregrine.monitor.application.QueryTradeFlows;
import dev.peregrine.monitor.application.RecordTradeFlow;
import dev.peregrine.monitor.application.RecordTradeOutcomes;
import dev.peregrine.monitor.application.port.in.ExpireOutcomesUseCase;
import dev.peregrine.monitor.application.port.in.MeasureOutcomesUseCase;
import dev.peregrine.monitor.application.port.in.QueryTradeFlowsUseCase;
import dev.peregrine.monitor.application.port.in.RecordTradeFlowUseCase;
import dev.peregrine.monitor.application.port.in.RecordTradeOutcomesUseCase;
import dev.peregrine.monitor.application.port.out.OutcomeEvents;
import dev.peregrine.monitor.application.port.out.OutcomeMetrics;
import dev.peregrine.monitor.application.port.out.OutcomeStore;
import dev.peregrine.monitor.application.port.out.TradeFlowMetrics;
import dev.peregrine.monitor.application.port.out.TradeFlowStore;
import dev.peregrine.monitor.application.port.out.TradeOutcomeStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.PeriodicTrigger;

/** Builds the use cases from their ports; the adapters are found by component scanning. */
@Configuration(proxyBeanMethods = false)
public class MonitorConfiguration {

    @Bean
    public RecordTradeFlowUseCase recordTradeFlow(TradeFlowStore store, TradeFlowMetrics metrics, Clock clock) {
        return new RecordTradeFlow(store, metrics, clock);
    }

    @Bean
    public QueryTradeFlowsUseCase queryTradeFlows(TradeFlowStore store, MonitorProperties properties) {
        return new QueryTradeFlows(store, properties.recentLimit());
    }

    @Bean
    public MeasureOutcomesUseCase measureOutcomes(
            OutcomeStore store,
            OutcomeEvents events,
            OutcomeMetrics metrics,
            Clock clock,
            IdGenerator ids,
            MonitorProperties properties) {
        MonitorProperties.Outcomes outcomes = properties.outcomes();
        return new MeasureOutcomes(
                store,
                events,
                metrics,
                clock,
                ids,
                outcomes.horizons(),
                outcomes.roundTripCost(),
                outcomes.candleRetention());
    }

    @Bean
    public ExpireOutcomesUseCase expireOutcomes(
            OutcomeStore store, OutcomeMetrics metrics, Clock clock, MonitorProperties properties) {
        return new ExpireOutcomes(store, metrics, clock, properties.outcomes().unmeasurableAfter());
    }

    /**
     * The deadline check, first one interval after start: by then the listeners have caught up with candles that
     * arrived while the service was down, and those complete their outcomes instead.
     */
    @Bean
    public ScheduledJob expireOutcomesJob(ExpireOutcomesUseCase expire, MonitorProperties properties, Clock clock) {
        PeriodicTrigger trigger = new PeriodicTrigger(properties.outcomes().unmeasurableCheckInterval());
        trigger.setInitialDelay(properties.outcomes().unmeasurableCheckInterval());
        return new ScheduledJob("expire-outcomes", trigger, expire::expireOverdue, true, clock);
    }

    @Bean
    public RecordTradeOutcomesUseCase recordTradeOutcomes(
            TradeOutcomeStore store, OutcomeMetrics metrics, Clock clock) {
        return new RecordTradeOutcomes(store, metrics, clock);
    }
}
