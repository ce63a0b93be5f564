package dev.peregrine.risk.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.application.FindDecisionsService;
import dev.peregrine.risk.application.RiskUseCases;
import dev.peregrine.risk.application.RollingCorrelationGroups;
import dev.peregrine.risk.application.port.in.ApplyExecutionReport;
import dev.peregrine.risk.application.port.in.DecideOnSignal;
import dev.peregrine.risk.application.port.in.FindDecisions;
import dev.peregrine.risk.application.port.in.ObserveCandle;
import dev.peregrine.risk.application.port.in.OperateRiskControls;
import dev.peregrine.risk.application.port.in.RecordMarketFacts;
import dev.peregrine.risk.application.port.in.ViewPortfolio;
import dev.peregrine.risk.application.port.out.CorrelationGroupSource;
import dev.peregrine.risk.application.port.out.DecisionStore;
import dev.peregrine.risk.application.port.out.InstrumentBook;
import dev.peregrine.risk.application.port.out.RiskEvents;
import dev.peregrine.risk.application.port.out.RiskLedger;
import dev.peregrine.risk.application.port.out.RiskMetrics;
import dev.peregrine.risk.domain.control.CapitalRamp;
import dev.peregrine.risk.domain.control.ControlPolicy;
import dev.peregrine.risk.domain.correlation.CorrelationGroupsPolicy;
import dev.peregrine.risk.domain.portfolio.MarkBounds;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.sizing.RiskPolicy;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the use cases from their ports and the validated {@link RiskProperties}. */
@Configuration(proxyBeanMethods = false)
public class RiskConfiguration {

    @Bean
    public CorrelationGroupSource correlationGroups(RiskProperties properties) {
        RiskProperties.Correlation correlation = properties.correlation();
        Map<String, Set<Symbol>> configured = new LinkedHashMap<>();
        correlation
                .groups()
                .forEach((name, symbols) -> configured.put(
                        name, symbols.stream().map(Symbol::parseLenient).collect(Collectors.toSet())));
        return new RollingCorrelationGroups(
                CorrelationGroupsPolicy.of(
                        correlation.lookbackDays(),
                        correlation.minCommonReturns(),
                        correlation.threshold(),
                        configured),
                properties.state().maxCorrelationSymbols());
    }

    @Bean
    public RiskUseCases riskUseCases(
            RiskProperties properties,
            RiskLedger ledger,
            DecisionStore decisions,
            InstrumentBook instruments,
            CorrelationGroupSource groups,
            RiskEvents events,
            RiskMetrics metrics,
            Clock clock,
            IdGenerator idGenerator) {
        return RiskUseCases.assemble(
                new RiskUseCases.Ports(ledger, decisions, instruments, groups, events, metrics, clock, idGenerator),
                riskPolicyOf(properties),
                controlPolicyOf(properties),
                properties.exitOnPause(),
                () -> properties.seedFromVenue()
                        ? Portfolio.awaitingSeed(properties.quoteAsset())
                        : Portfolio.withCash(properties.quoteAsset(), properties.startingBalance()),
                markBoundsOf(properties));
    }

    /** How many marks the portfolio keeps and for how long without a candle. */
    public static MarkBounds markBoundsOf(RiskProperties properties) {
        return new MarkBounds(properties.state().maxMarks(), properties.state().markIdleAfter());
    }

    /** The sizing rule and limits the properties describe. */
    public static RiskPolicy riskPolicyOf(RiskProperties properties) {
        return new RiskPolicy(
                properties.riskPerTrade(),
                properties.maxPositionFraction(),
                properties.maxSymbolFraction(),
                properties.maxGroupFraction(),
                properties.maxGrossExposure(),
                properties.maxOpenPositions(),
                properties.maxOrdersPerMinute(),
                properties.reservationBuffer(),
                properties.rewardToRisk(),
                properties.maxHoldingTime(),
                properties.addToPositions(),
                properties.regimeFactors());
    }

    /** The breaker and drawdown settings the properties describe. */
    public static ControlPolicy controlPolicyOf(RiskProperties properties) {
        RiskProperties.Breaker breaker = properties.breaker();
        RiskProperties.CapitalRampSettings ramp = properties.capitalRamp();
        return new ControlPolicy(
                breaker.warningLoss(),
                breaker.haltLoss(),
                breaker.reducingSizeFactor(),
                breaker.cooldown(),
                breaker.flattenOnHalt(),
                breaker.maxDrawdown(),
                ramp == null ? CapitalRamp.OFF : new CapitalRamp(ramp.maxOrderNotional(), ramp.maxTotalExposure()));
    }

    @Bean
    public DecideOnSignal decideOnSignal(RiskUseCases useCases) {
        return useCases.decideOnSignal();
    }

    @Bean
    public ApplyExecutionReport applyExecutionReport(RiskUseCases useCases) {
        return useCases.applyExecutionReport();
    }

    @Bean
    public ObserveCandle observeCandle(RiskUseCases useCases) {
        return useCases.observeCandle();
    }

    @Bean
    public OperateRiskControls operateRiskControls(RiskUseCases useCases) {
        return useCases.operateRiskControls();
    }

    @Bean
    public RecordMarketFacts recordMarketFacts(RiskUseCases useCases) {
        return useCases.recordMarketFacts();
    }

    @Bean
    public ViewPortfolio viewPortfolio(RiskUseCases useCases) {
        return useCases.viewPortfolio();
    }

    @Bean
    public FindDecisions findDecisions(DecisionStore decisionStore) {
        return new FindDecisionsService(decisionStore);
    }
}
