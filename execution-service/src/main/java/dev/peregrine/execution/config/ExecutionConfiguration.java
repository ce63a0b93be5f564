package dev.peregrine.execution.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.execution.adapter.in.kafka.OrderIntentsStarter;
import dev.peregrine.execution.adapter.in.schedule.VenueReconciliationSchedule;
import dev.peregrine.execution.adapter.out.paper.PaperVenue;
import dev.peregrine.execution.application.CancelOrder;
import dev.peregrine.execution.application.ExecutionReports;
import dev.peregrine.execution.application.FindOrders;
import dev.peregrine.execution.application.LookupBackoff;
import dev.peregrine.execution.application.ObserveMarket;
import dev.peregrine.execution.application.OnVenueEvents;
import dev.peregrine.execution.application.OrderExecution;
import dev.peregrine.execution.application.PlaceOrder;
import dev.peregrine.execution.application.ReconcileWithVenue;
import dev.peregrine.execution.application.ResolveOrders;
import dev.peregrine.execution.application.SymbolLocks;
import dev.peregrine.execution.application.VenueGate;
import dev.peregrine.execution.application.port.out.AccountSnapshotPublisher;
import dev.peregrine.execution.application.port.out.ExecutionMetrics;
import dev.peregrine.execution.application.port.out.ExecutionReportPublisher;
import dev.peregrine.execution.application.port.out.MarketCandleStore;
import dev.peregrine.execution.application.port.out.OrderStore;
import dev.peregrine.execution.application.port.out.ReconciliationDifferences;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.domain.IntentFreshness;
import dev.peregrine.execution.domain.PaperFillRule;
import dev.peregrine.execution.domain.SafetyChecks;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the use cases with their ports from {@link ExecutionProperties}. */
@Configuration(proxyBeanMethods = false)
public class ExecutionConfiguration {

    /** Enough stripes that unrelated symbols rarely wait for each other. */
    private static final int SYMBOL_LOCK_STRIPES = 256;

    /** The paper venue, unless BINANCE is configured ({@link BinanceVenueConfiguration}). */
    @Bean
    @ConditionalOnProperty(name = "peregrine.execution.venue", havingValue = "PAPER", matchIfMissing = true)
    VenuePort venue(ExecutionProperties properties, MarketCandleStore candles) {
        ExecutionProperties.Paper paper = properties.paper();
        return new PaperVenue(candles, new PaperFillRule(paper.feeRate(), paper.feeAsset(), paper.slippageBps()));
    }

    /** Paper trading judges time by the market data: no stale-intent rule. */
    @Bean
    @ConditionalOnProperty(name = "peregrine.execution.venue", havingValue = "PAPER", matchIfMissing = true)
    VenueTime venueTime(Clock clock) {
        return new VenueTime(clock, IntentFreshness.off());
    }

    @Bean
    SafetyChecks safetyChecks(ExecutionProperties properties) {
        return new SafetyChecks(properties.maxOrderNotional());
    }

    @Bean
    SymbolLocks symbolLocks() {
        return new SymbolLocks(SYMBOL_LOCK_STRIPES);
    }

    @Bean
    ExecutionReports executionReports(IdGenerator ids, Clock clock) {
        return new ExecutionReports(ids, clock);
    }

    @Bean
    OrderExecution orderExecution(
            OrderStore orders,
            VenuePort venue,
            SafetyChecks safety,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            Clock clock) {
        return new OrderExecution(orders, venue, safety, reports, publisher, metrics, clock);
    }

    @Bean
    PlaceOrder placeOrder(
            OrderStore orders,
            VenuePort venue,
            SafetyChecks safety,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            SymbolLocks locks,
            Clock clock,
            VenueTime venueTime) {
        return new PlaceOrder(
                orders,
                venue,
                safety,
                execution,
                reports,
                publisher,
                metrics,
                locks,
                clock,
                venueTime.freshness(),
                venueTime.clock());
    }

    @Bean
    CancelOrder cancelOrder(
            OrderStore orders,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            SymbolLocks locks,
            Clock clock) {
        return new CancelOrder(orders, execution, reports, publisher, metrics, locks, clock);
    }

    @Bean
    ObserveMarket observeMarket(
            MarketCandleStore candles,
            OrderStore orders,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            SymbolLocks locks) {
        return new ObserveMarket(candles, orders, execution, reports, publisher, locks);
    }

    @Bean
    FindOrders findOrders(OrderStore orders) {
        return new FindOrders(orders);
    }

    @Bean
    ResolveOrders resolveOrders(
            OrderStore orders,
            VenuePort venue,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            SymbolLocks locks,
            ExecutionProperties properties,
            Clock clock) {
        ExecutionProperties.VenueOrders venueOrders = properties.venueOrders();
        return new ResolveOrders(
                orders,
                venue,
                execution,
                reports,
                publisher,
                metrics,
                locks,
                new LookupBackoff(venueOrders.firstRetry(), venueOrders.maxRetry()),
                venueOrders.absenceGrace(),
                clock);
    }

    @Bean
    OnVenueEvents onVenueEvents(
            OrderStore orders,
            OrderExecution execution,
            ResolveOrders resolve,
            ReconcileWithVenue reconcile,
            AccountSnapshotPublisher accounts,
            SymbolLocks locks,
            VenuePort venue,
            IdGenerator ids,
            Clock clock) {
        return new OnVenueEvents(orders, execution, resolve, reconcile, accounts, locks, venue, ids, clock);
    }

    @Bean
    VenueGate venueGate() {
        return new VenueGate();
    }

    @Bean
    ReconcileWithVenue reconcileWithVenue(
            OrderStore orders,
            VenuePort venue,
            OrderExecution execution,
            ResolveOrders resolve,
            ReconciliationDifferences differences,
            SymbolLocks locks,
            VenueGate gate,
            Clock clock) {
        return new ReconcileWithVenue(orders, venue, execution, resolve, differences, locks, gate, clock);
    }

    @Bean
    VenueReconciliationSchedule venueReconciliationSchedule(
            ReconcileWithVenue reconcile,
            ResolveOrders resolve,
            OrderIntentsStarter intents,
            ExecutionProperties properties) {
        ExecutionProperties.VenueOrders venueOrders = properties.venueOrders();
        return new VenueReconciliationSchedule(
                reconcile, resolve, intents::startIfOpen, venueOrders.reconcileEvery(), venueOrders.resolveEvery());
    }
}
