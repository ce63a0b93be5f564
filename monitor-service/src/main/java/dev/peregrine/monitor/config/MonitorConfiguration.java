package dev.peregrine.monitor.config;

import dev.peregrine.monitor.application.QueryTradeFlows;
import dev.peregrine.monitor.application.RecordTradeFlow;
import dev.peregrine.monitor.application.port.in.QueryTradeFlowsUseCase;
import dev.peregrine.monitor.application.port.in.RecordTradeFlowUseCase;
import dev.peregrine.monitor.application.port.out.TradeFlowMetrics;
import dev.peregrine.monitor.application.port.out.TradeFlowStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

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
}
