package dev.peregrine.risk.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.adapter.out.staticdata.ConfiguredEquity;
import dev.peregrine.risk.adapter.out.staticdata.ConfiguredInstrumentFilters;
import dev.peregrine.risk.application.DecideOnSignalService;
import dev.peregrine.risk.application.FindDecisionsService;
import dev.peregrine.risk.application.port.in.DecideOnSignal;
import dev.peregrine.risk.application.port.in.FindDecisions;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.application.port.out.EquitySource;
import dev.peregrine.risk.application.port.out.InstrumentFilterSource;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.InstrumentFilters;
import dev.peregrine.risk.domain.PositionSizer;
import dev.peregrine.risk.domain.RiskLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the use cases from their ports and the validated {@link RiskProperties}. */
@Configuration(proxyBeanMethods = false)
public class RiskConfiguration {

    @Bean
    public PositionSizer positionSizer(RiskProperties properties) {
        return new PositionSizer(new RiskLimits(properties.riskPerTrade(), properties.maxPositionFraction()));
    }

    /** Placeholder until a portfolio fed by fills provides live equity. */
    @Bean
    public EquitySource equitySource(RiskProperties properties) {
        return new ConfiguredEquity(new Money(properties.equity(), properties.quoteAsset()));
    }

    /** Placeholder until the filters come from ingest's exchangeInfo. */
    @Bean
    public InstrumentFilterSource instrumentFilterSource(RiskProperties properties) {
        InstrumentFilters defaults = new InstrumentFilters(properties.defaultStepSize(), properties.defaultMinNotional(),
                properties.defaultMinQuantity());
        Map<Symbol, InstrumentFilters> overrides = new LinkedHashMap<>();
        properties.symbols().forEach((key, filters) -> overrides.put(Symbol.parseLenient(key), new InstrumentFilters(
                filters.stepSize() != null ? filters.stepSize() : defaults.stepSize(),
                filters.minNotional() != null ? filters.minNotional() : defaults.minNotional(),
                filters.minQuantity() != null ? filters.minQuantity() : defaults.minQuantity())));
        return new ConfiguredInstrumentFilters(defaults, overrides);
    }

    @Bean
    public DecideOnSignal decideOnSignal(PositionSizer positionSizer, EquitySource equitySource,
                                         InstrumentFilterSource instrumentFilterSource, DecisionStore decisionStore,
                                         RiskEvents riskEvents, RiskMetrics riskMetrics, Clock clock,
                                         IdGenerator idGenerator) {
        return new DecideOnSignalService(positionSizer, equitySource, instrumentFilterSource, decisionStore, riskEvents,
                riskMetrics, clock, idGenerator);
    }

    @Bean
    public FindDecisions findDecisions(DecisionStore decisionStore) {
        return new FindDecisionsService(decisionStore);
    }
}
