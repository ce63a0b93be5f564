package dev.peregrine.execution.application;

import dev.peregrine.execution.adapter.out.paper.PaperVenue;
import dev.peregrine.execution.domain.PaperFillRule;
import dev.peregrine.execution.domain.SafetyChecks;
import dev.peregrine.execution.fixtures.InMemoryMarketCandleStore;
import dev.peregrine.execution.fixtures.InMemoryOrderStore;
import dev.peregrine.execution.fixtures.RecordingMetrics;
import dev.peregrine.execution.fixtures.RecordingPublisher;
import dev.peregrine.execution.fixtures.ScriptedVenue;
import dev.peregrine.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The use cases wired as the service wires them, with in-memory ports and the real paper venue. Candles from
 * {@code Events.candle(symbol, openTime, open)} have no range, so their fills are the open exactly whatever the
 * slippage.
 */
final class Harness {

    /** How long an order the venue says it does not have stays UNKNOWN (Binance may not show it yet). */
    static final Duration ABSENCE_GRACE = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T09:15:00.500Z"));
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryMarketCandleStore candles = new InMemoryMarketCandleStore();
    final RecordingPublisher publisher = new RecordingPublisher();
    final RecordingMetrics metrics = new RecordingMetrics();
    private final AtomicLong ids = new AtomicLong();
    /** 0.1 % fee in USDT, 2 bps slippage (the shipped defaults). */
    final PaperVenue paper =
            new PaperVenue(candles, new PaperFillRule(new BigDecimal("0.001"), "USDT", new BigDecimal("2")));
    /** The paper venue, unless a test scripts other answers (timeouts, absences). */
    final ScriptedVenue venue = new ScriptedVenue(paper);

    final ExecutionReports reports = new ExecutionReports(() -> new UUID(0L, ids.incrementAndGet()), clock);
    final SymbolLocks locks = new SymbolLocks(8);
    final OrderExecution execution;
    final PlaceOrderService placeOrder;
    final CancelOrderService cancelOrder;
    final ObserveMarketService observeMarket;
    final FindOrdersService findOrders;
    final ResolveOrdersService resolveOrders;

    Harness() {
        SafetyChecks safety = new SafetyChecks(new BigDecimal("100000"));
        execution = new OrderExecution(orders, venue, safety, reports, publisher, metrics, clock);
        placeOrder = new PlaceOrderService(orders, venue, safety, execution, reports, publisher, metrics, locks, clock);
        cancelOrder = new CancelOrderService(orders, execution, reports, publisher, metrics, locks, clock);
        observeMarket = new ObserveMarketService(candles, orders, execution, reports, publisher, locks);
        findOrders = new FindOrdersService(orders);
        resolveOrders = new ResolveOrdersService(
                orders,
                venue,
                execution,
                reports,
                publisher,
                metrics,
                locks,
                new LookupBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                ABSENCE_GRACE,
                clock);
    }
}
