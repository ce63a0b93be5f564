package dev.peregrine.monitor.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.monitor.application.ExpireOutcomesService;
import dev.peregrine.monitor.application.MeasureOutcomesService;
import dev.peregrine.monitor.application.QueryTradeFlowsService;
import dev.peregrine.monitor.application.RecordTradeFlowService;
import dev.peregrine.monitor.application.RecordTradeOutcomesService;
import dev.peregrine.monitor.application.port.in.ExpireOutcomes;
import dev.peregrine.monitor.application.port.in.MeasureOutcomes;
import dev.peregrine.monitor.application.port.in.QueryTradeFlows;
import dev.peregrine.monitor.application.port.in.RecordTradeFlow;
import dev.peregrine.monitor.application.port.in.RecordTradeOutcomes;
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
    public RecordTradeFlow recordTradeFlow(TradeFlowStore store, TradeFlowMetrics metrics, Clock clock) {
        return new RecordTradeFlowService(store, metrics, clock);
    }

    @Bean
    public QueryTradeFlows queryTradeFlows(TradeFlowStore store, MonitorProperties properties) {
        return new QueryTradeFlowsService(store, properties.recentLimit());
    }

    @Bean
    public MeasureOutcomes measureOutcomes(
            OutcomeStore store,
            OutcomeEvents events,
            OutcomeMetrics metrics,
            Clock clock,
            IdGenerator ids,
            MonitorProperties properties) {
        MonitorProperties.Outcomes outcomes = properties.outcomes();
        return new MeasureOutcomesService(
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
    public ExpireOutcomes expireOutcomes(
            OutcomeStore store, OutcomeMetrics metrics, Clock clock, MonitorProperties properties) {
        return new ExpireOutcomesService(
                store, metrics, clock, properties.outcomes().unmeasurableAfter());
    }

    /**
     * The deadline check, first one interval after start: by then the listeners have caught up with candles that
     * arrived while the service was down, and those complete their outcomes instead.
     */
    @Bean
    public ScheduledJob expireOutcomesJob(ExpireOutcomes expire, MonitorProperties properties, Clock clock) {
        PeriodicTrigger trigger = new PeriodicTrigger(properties.outcomes().unmeasurableCheckInterval());
        trigger.setInitialDelay(properties.outcomes().unmeasurableCheckInterval());
        return new ScheduledJob("expire-outcomes", trigger, expire::expireOverdue, true, clock);
    }

    @Bean
    public RecordTradeOutcomes recordTradeOutcomes(TradeOutcomeStore store, OutcomeMetrics metrics, Clock clock) {
        return new RecordTradeOutcomesService(store, metrics, clock);
    }
}
