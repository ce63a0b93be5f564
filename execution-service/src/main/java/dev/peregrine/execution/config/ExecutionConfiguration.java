package dev.peregrine.execution.config;

import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.execution.adapter.in.kafka.OrderIntentsStarter;
import dev.peregrine.execution.adapter.in.schedule.VenueReconciliationSchedule;
import dev.peregrine.execution.adapter.out.paper.PaperVenue;
import dev.peregrine.execution.application.CancelOrderService;
import dev.peregrine.execution.application.ExecutionReports;
import dev.peregrine.execution.application.FindOrdersService;
import dev.peregrine.execution.application.LookupBackoff;
import dev.peregrine.execution.application.ObserveMarketService;
import dev.peregrine.execution.application.OnVenueEventsService;
import dev.peregrine.execution.application.OrderExecution;
import dev.peregrine.execution.application.PlaceOrderService;
import dev.peregrine.execution.application.ReconcileWithVenueService;
import dev.peregrine.execution.application.ResolveOrdersService;
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
    PlaceOrderService placeOrder(
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
        return new PlaceOrderService(
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
    CancelOrderService cancelOrder(
            OrderStore orders,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            ExecutionMetrics metrics,
            SymbolLocks locks,
            Clock clock) {
        return new CancelOrderService(orders, execution, reports, publisher, metrics, locks, clock);
    }

    @Bean
    ObserveMarketService observeMarket(
            MarketCandleStore candles,
            OrderStore orders,
            OrderExecution execution,
            ExecutionReports reports,
            ExecutionReportPublisher publisher,
            SymbolLocks locks) {
        return new ObserveMarketService(candles, orders, execution, reports, publisher, locks);
    }

    @Bean
    FindOrdersService findOrders(OrderStore orders) {
        return new FindOrdersService(orders);
    }

    @Bean
    ResolveOrdersService resolveOrders(
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
        return new ResolveOrdersService(
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
    OnVenueEventsService onVenueEvents(
            OrderStore orders,
            OrderExecution execution,
            ResolveOrdersService resolve,
            ReconcileWithVenueService reconcile,
            AccountSnapshotPublisher accounts,
            SymbolLocks locks,
            VenuePort venue,
            IdGenerator ids,
            Clock clock) {
        return new OnVenueEventsService(orders, execution, resolve, reconcile, accounts, locks, venue, ids, clock);
    }

    @Bean
    VenueGate venueGate() {
        return new VenueGate();
    }

    @Bean
    ReconcileWithVenueService reconcileWithVenue(
            OrderStore orders,
            VenuePort venue,
            OrderExecution execution,
            ResolveOrdersService resolve,
            ReconciliationDifferences differences,
            SymbolLocks locks,
            VenueGate gate,
            Clock clock) {
        return new ReconcileWithVenueService(orders, venue, execution, resolve, differences, locks, gate, clock);
    }

    @Bean
    VenueReconciliationSchedule venueReconciliationSchedule(
            ReconcileWithVenueService reconcile,
            ResolveOrdersService resolve,
            OrderIntentsStarter intents,
            ExecutionProperties properties) {
        ExecutionProperties.VenueOrders venueOrders = properties.venueOrders();
        return new VenueReconciliationSchedule(
                reconcile, resolve, intents::startIfOpen, venueOrders.reconcileEvery(), venueOrders.resolveEvery());
    }
}
