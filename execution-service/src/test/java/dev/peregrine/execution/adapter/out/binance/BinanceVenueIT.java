package dev.peregrine.execution.adapter.out.binance;

import static dev.peregrine.execution.adapter.out.binance.SimulatedBinance.SYMBOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Money;
import dev.peregrine.exchangesim.OrderList;
import dev.peregrine.exchangesim.SpotOrder;
import dev.peregrine.execution.application.ExecutionReports;
import dev.peregrine.execution.application.LookupBackoff;
import dev.peregrine.execution.application.OrderExecution;
import dev.peregrine.execution.application.PlaceOrderService;
import dev.peregrine.execution.application.ResolveOrdersService;
import dev.peregrine.execution.application.SymbolLocks;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.application.port.out.VenuePort;
import dev.peregrine.execution.domain.CancelCodes;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.ProtectivePair;
import dev.peregrine.execution.domain.RejectionCodes;
import dev.peregrine.execution.domain.SafetyChecks;
import dev.peregrine.execution.fixtures.Events;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Execution's use cases on the Binance venue against exchange-sim over real sockets, with the faults after which
 * Binance leaves an order's fate unknown: each ends with Peregrine's order equal to the venue's and exactly one venue
 * order per client order id.
 */
class BinanceVenueIT {

    private static final Duration ABSENCE_GRACE = Duration.ofSeconds(30);
    private static final Instant NOT_BEFORE = Instant.parse("2024-01-01T00:00:59.999Z");

    @RegisterExtension
    final SimulatedBinance binance = SimulatedBinance.perTest();

    private final MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:01:00.500Z"));
    private final InMemoryOrderStore orders = new InMemoryOrderStore();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private ScriptedVenue venue;
    private PlaceOrderService placeOrder;
    private ResolveOrdersService resolveOrders;
    private OrderExecution execution;

    private void wire() {
        venue = new ScriptedVenue(new BinanceVenue(binance.rest));
        wire(venue);
    }

    /** The use cases on {@code port} (the Binance venue itself where protective pairs must reach it). */
    private void wire(VenuePort port) {
        RecordingMetrics metrics = new RecordingMetrics();
        AtomicLong ids = new AtomicLong();
        ExecutionReports reports = new ExecutionReports(() -> new UUID(0L, ids.incrementAndGet()), clock);
        SafetyChecks safety = new SafetyChecks(new BigDecimal("100000"));
        SymbolLocks locks = new SymbolLocks(8);
        execution = new OrderExecution(orders, port, safety, reports, publisher, metrics, clock);
        placeOrder = new PlaceOrderService(orders, port, safety, execution, reports, publisher, metrics, locks, clock);
        resolveOrders = new ResolveOrdersService(
                orders,
                port,
                execution,
                reports,
                publisher,
                metrics,
                locks,
                new LookupBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30)),
                ABSENCE_GRACE,
                clock);
    }

    private static OrderIntentCreated buy(String clientOrderId, String quantity) {
        return Events.marketIntent(SYMBOL, clientOrderId, quantity, NOT_BEFORE);
    }

    private Order order(String clientOrderId) {
        return orders.find(clientOrderId).orElseThrow();
    }

    private void assertOneVenueOrderFilledLikeOurs(String clientOrderId) {
        Order ours = order(clientOrderId);
        assertThat(binance.exchange.orders(SYMBOL))
                .filteredOn(order -> order.clientOrderId().equals(clientOrderId))
                .singleElement()
                .satisfies(theirs -> {
                    assertThat(theirs.status().name()).isEqualTo("FILLED");
                    assertThat(String.valueOf(theirs.orderId())).isEqualTo(ours.venueOrderId());
                });
        assertThat(ours.state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void anEntryIsStoredSentAndFilledWithTheCommissionBinanceCharged() {
        wire();

        Order placed = placeOrder.place(buy("pg-buy-1", "2"));

        assertThat(placed.state()).isEqualTo(OrderState.FILLED);
        assertThat(placed.venue()).isEqualTo("binance");
        assertThat(placed.fill().price().value()).isEqualByComparingTo("100.50");
        assertThat(placed.fill().fee()).isEqualTo(Money.of("0.00200000", "BTC"));
        assertThat(orders.transitions("pg-buy-1"))
                .extracting(t -> t.to())
                .containsExactly(OrderState.PENDING_SUBMIT, OrderState.ACCEPTED, OrderState.FILLED);
        assertOneVenueOrderFilledLikeOurs("pg-buy-1");
    }

    @Test
    void anOrderAnswered5xxIsUnknownUntilTheVenueIsAskedAndIsNeverSentAgain() {
        wire();
        binance.exchange.faults().serverErrorAfterNextOrders(1, 503);

        assertThat(placeOrder.place(buy("pg-5xx", "1")).state()).isEqualTo(OrderState.UNKNOWN);
        placeOrder.place(buy("pg-5xx", "1"));
        assertThat(resolveOrders.resolveDue()).isZero();

        assertOneVenueOrderFilledLikeOurs("pg-5xx");
        assertThat(venue.sent()).containsExactly("pg-5xx");
    }

    @Test
    void anOrderAnsweredMinus1007IsResolvedByAskingTheVenue() {
        wire();
        binance.exchange.faults().backendTimeoutAfterNextOrders(1, 504);

        assertThat(placeOrder.place(buy("pg-1007", "1")).state()).isEqualTo(OrderState.UNKNOWN);
        resolveOrders.resolveDue();

        assertOneVenueOrderFilledLikeOurs("pg-1007");
    }

    @Test
    void anOrderWhoseConnectionClosedUnansweredIsResolvedAndExistsOnce() {
        wire();
        placeOrder.place(buy("pg-warm-up", "0.1")); // so the next send goes over a pooled connection
        binance.exchange.faults().timeOutAfterNextOrders(1, Duration.ZERO);

        assertThat(placeOrder.place(buy("pg-timeout", "1")).state()).isEqualTo(OrderState.UNKNOWN);
        resolveOrders.resolveDue();

        assertOneVenueOrderFilledLikeOurs("pg-timeout");
    }

    @Test
    void anOrderLeftPendingByACrashThatNeverReachedBinanceIsRejectedOnlyAfterTheGracePeriod() {
        wire();
        venue.stopBeforeNextSubmit();
        assertThatThrownBy(() -> placeOrder.place(buy("pg-crash", "1"))).isInstanceOf(IllegalStateException.class);

        assertThat(placeOrder.place(buy("pg-crash", "1")).state()).isEqualTo(OrderState.UNKNOWN);
        assertThat(resolveOrders.resolveDue())
                .as("-2013 right after is not proof")
                .isEqualTo(1);

        clock.advance(ABSENCE_GRACE);
        assertThat(resolveOrders.resolveDue()).isZero();

        assertThat(order("pg-crash").state()).isEqualTo(OrderState.REJECTED);
        assertThat(order("pg-crash").rejectReason().code()).isEqualTo(RejectionCodes.NOT_AT_VENUE);
        assertThat(binance.exchange.orders(SYMBOL))
                .extracting(SpotOrder::clientOrderId)
                .doesNotContain("pg-crash");
        assertThat(venue.sent()).isEmpty();
    }

    @Test
    void aRefusalIsStoredWithBinancesCodeAndNothingIsPlaced() {
        wire();

        Order placed = placeOrder.place(buy("pg-too-big", "50"));

        assertThat(placed.state()).isEqualTo(OrderState.REJECTED);
        assertThat(placed.rejectReason().code()).isEqualTo("BINANCE_REFUSED");
        assertThat(placed.rejectReason().detail()).contains("-2010");
        assertThat(binance.exchange.orders(SYMBOL))
                .extracting(SpotOrder::clientOrderId)
                .doesNotContain("pg-too-big");
    }

    @Test
    void anExitSellsOnlyWhatTheEntryLeftAfterTheCommissionInBtc() {
        wire();
        placeOrder.place(buy("pg-entry", "1"));

        Order exit = placeOrder.place(Events.exit(SYMBOL, "pg-exit", "1", NOT_BEFORE.plusSeconds(60)));

        assertThat(exit.state()).isEqualTo(OrderState.FILLED);
        assertThat(exit.quantity().value()).isEqualByComparingTo("0.999");
        assertOneVenueOrderFilledLikeOurs("pg-exit");
    }

    @Test
    void anExitSellsWhatIsHeldRoundedDownToTheLotStepSoBinanceTakesIt() {
        wire();
        placeOrder.place(buy("pg-odd-entry", "0.12345")); // the BTC commission leaves 0.12332655 held

        Order exit = placeOrder.place(Events.exit(SYMBOL, "pg-odd-exit", "0.12345", NOT_BEFORE.plusSeconds(60)));

        assertThat(exit.state()).isEqualTo(OrderState.FILLED);
        assertThat(exit.quantity().value()).as("step 0.00001").isEqualByComparingTo("0.12332");
        assertOneVenueOrderFilledLikeOurs("pg-odd-exit");
    }

    @Test
    void aRateLimitedOrderIsRejectedWithNothingPlacedAndTheNextWaitsOutTheRetryAfterUnsent() {
        wire();
        binance.exchange.faults().rateLimitNextRequests(1, 7);

        Order limited = placeOrder.place(buy("pg-429", "1"));
        Order next = placeOrder.place(buy("pg-after-429", "1"));

        assertThat(limited.state()).isEqualTo(OrderState.REJECTED);
        assertThat(limited.rejectReason().code()).isEqualTo("RATE_LIMITED");
        assertThat(next.rejectReason().detail()).startsWith("not sent");
        assertThat(binance.exchange.orders(SYMBOL))
                .extracting(SpotOrder::clientOrderId)
                .doesNotContain("pg-429", "pg-after-429");
    }

    @Test
    void aTimestampRefusedAfterTheVenuesClockMovedIsRejectedAndTheClockMeasuredAgainForTheNextOrder() {
        wire();
        binance.exchange.faults().skewClock(Duration.ofSeconds(6));

        Order refused = placeOrder.place(buy("pg-skewed", "1"));
        Order next = placeOrder.place(buy("pg-resynced", "1"));

        assertThat(refused.state()).isEqualTo(OrderState.REJECTED);
        assertThat(refused.rejectReason().detail()).contains("-1021");
        assertOneVenueOrderFilledLikeOurs("pg-resynced");
        assertThat(binance.exchange.orders(SYMBOL))
                .extracting(SpotOrder::clientOrderId)
                .doesNotContain("pg-skewed");
    }

    private static String stopOf(String entry) {
        return ProtectivePair.clientOrderIdOf(OrderPurpose.STOP_LOSS, entry);
    }

    private static String takeProfitOf(String entry) {
        return ProtectivePair.clientOrderIdOf(OrderPurpose.TAKE_PROFIT, entry);
    }

    private SpotOrder venueOrder(String clientOrderId) {
        return binance.exchange.orders(SYMBOL).stream()
                .filter(order -> order.clientOrderId().equals(clientOrderId))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    @Test
    void aProtectedEntryRestsOneOcoListWhoseStopLegAKlineFillsWhileTheTakeProfitEnds() {
        BinanceVenue binanceVenue = new BinanceVenue(binance.rest);
        wire(binanceVenue);

        Order entry =
                placeOrder.place(Events.protectedEntry(SYMBOL, "pg-protected", "1", NOT_BEFORE, "99.505", "101.001"));

        assertThat(entry.state()).isEqualTo(OrderState.FILLED);
        String stop = stopOf("pg-protected");
        String takeProfit = takeProfitOf("pg-protected");
        assertThat(order(stop).state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(order(takeProfit).state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(binance.exchange.orderLists(SYMBOL)).singleElement().satisfies(list -> {
            assertThat(list.open()).isTrue();
            assertThat(list.listClientOrderId()).isEqualTo(BinanceVenue.listClientOrderIdOf(takeProfit, stop));
            assertThat(list.locked()).isEqualByComparingTo("0.999");
        });
        assertThat(binance.exchange.lockedBalance("BTC"))
                .as("the base is locked once for both legs")
                .isEqualByComparingTo("0.999");
        SpotOrder venueStop = venueOrder(stop);
        assertThat(venueStop.type()).isEqualTo(SpotOrder.Type.STOP_LOSS);
        assertThat(venueStop.stopPrice())
                .as("the stop rounded down to the tick")
                .isEqualByComparingTo("99.50");
        assertThat(venueStop.origQty()).isEqualByComparingTo("0.999");
        assertThat(String.valueOf(venueStop.orderId())).isEqualTo(order(stop).venueOrderId());
        SpotOrder venueTakeProfit = venueOrder(takeProfit);
        assertThat(venueTakeProfit.type()).isEqualTo(SpotOrder.Type.LIMIT_MAKER);
        assertThat(venueTakeProfit.price())
                .as("the take-profit rounded up to the tick")
                .isEqualByComparingTo("101.01");
        assertThat(String.valueOf(venueTakeProfit.orderId()))
                .isEqualTo(order(takeProfit).venueOrderId());

        binance.exchange.advance(1);
        assertThat(execution.settleIfExecuted(order(stop)))
                .as("k1 does not reach 99.50")
                .isEmpty();
        binance.exchange.advance(1);
        assertThat(binanceVenue.lookup(order(takeProfit)))
                .as("the venue expired the other leg")
                .isInstanceOf(VenueLookup.Ended.class);
        Order stopped = execution.settleIfExecuted(order(stop)).orElseThrow();

        assertThat(stopped.state()).isEqualTo(OrderState.FILLED);
        assertThat(stopped.fill().price().value()).isEqualByComparingTo("99.50");
        assertThat(order(takeProfit).state()).isEqualTo(OrderState.CANCELED);
        assertThat(order(takeProfit).cancellation().reason().code()).isEqualTo(CancelCodes.OCO_OTHER_LEG_FILLED);
        assertThat(venueOrder(stop).status()).isEqualTo(SpotOrder.Status.FILLED);
        assertThat(venueOrder(takeProfit).status()).isEqualTo(SpotOrder.Status.EXPIRED);
        assertThat(binance.exchange.orderLists(SYMBOL).getFirst().listOrderStatus())
                .isEqualTo(OrderList.OrderStatus.ALL_DONE);
        assertThat(binance.exchange.lockedBalance("BTC")).isZero();
        assertThat(binance.exchange.freeBalance("BTC")).isEqualByComparingTo("2");
    }

    @Test
    void anExitOfAProtectedPositionCancelsTheListFirstAndSellsOnlyWhatIsHeld() {
        wire(new BinanceVenue(binance.rest));
        placeOrder.place(Events.protectedEntry(SYMBOL, "pg-protected", "1", NOT_BEFORE, "99.00", "102.00"));
        assertThat(order(stopOf("pg-protected")).state()).isEqualTo(OrderState.ACCEPTED);

        Order exit = placeOrder.place(Events.exit(SYMBOL, "pg-exit", "1", NOT_BEFORE.plusSeconds(60)));

        assertThat(exit.state()).isEqualTo(OrderState.FILLED);
        assertThat(exit.quantity().value()).isEqualByComparingTo("0.999");
        assertThat(order(stopOf("pg-protected")).state()).isEqualTo(OrderState.CANCELED);
        assertThat(order(takeProfitOf("pg-protected")).state()).isEqualTo(OrderState.CANCELED);
        assertThat(binance.exchange.orderLists(SYMBOL))
                .singleElement()
                .satisfies(list -> assertThat(list.listOrderStatus()).isEqualTo(OrderList.OrderStatus.ALL_DONE));
        assertThat(venueOrder(stopOf("pg-protected")).status()).isEqualTo(SpotOrder.Status.CANCELED);
        assertThat(venueOrder(takeProfitOf("pg-protected")).status()).isEqualTo(SpotOrder.Status.CANCELED);
        assertThat(binance.exchange.orders(SYMBOL))
                .filteredOn(order -> order.side() == SpotOrder.Side.SELL && order.status() != SpotOrder.Status.CANCELED)
                .extracting(SpotOrder::clientOrderId)
                .containsExactly("pg-exit");
        assertOneVenueOrderFilledLikeOurs("pg-exit");
        binance.exchange.advance(3);
        assertThat(binance.exchange.trades(SYMBOL)).hasSize(2);
        assertThat(binance.exchange.lockedBalance("BTC")).isZero();
        assertThat(binance.exchange.freeBalance("BTC"))
                .as("2 at the start, 0.999 bought, 0.999 sold once")
                .isEqualByComparingTo("2");
    }
}
