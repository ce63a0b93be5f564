package dev.peregrine.execution.application;

import static dev.peregrine.execution.fixtures.Events.SIGNAL_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.execution.application.port.in.OrderHistory;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderFilter;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.OrderTransition;
import dev.peregrine.execution.domain.RejectionCodes;
import dev.peregrine.execution.fixtures.Events;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceOrderAndObserveMarketTest {

    /** The signal candle: it closes at notBefore, so the order must not execute on it. */
    private static final CandleClosed SIGNAL_CANDLE =
            Events.candle("BTCUSDT", SIGNAL_CLOSE.minus(Duration.ofMinutes(15)).plusMillis(1), "99.5");

    private static final CandleClosed NEXT_CANDLE =
            Events.candle("BTCUSDT", SIGNAL_CLOSE.plusMillis(1), "100.12345678");
    private static final CandleClosed LATER_CANDLE =
            Events.candle("BTCUSDT", SIGNAL_CLOSE.plusMillis(1).plus(Duration.ofMinutes(15)), "101");

    private final Harness h = new Harness();

    @Test
    void anIntentBeforeItsCandleIsAcceptedAndFillsAtTheNextCandlesOpen() {
        OrderIntentCreated intent = Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE);

        Order placed = h.placeOrder.place(intent);

        assertThat(placed.state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(h.publisher.published()).singleElement().isInstanceOf(OrderAccepted.class);

        h.observeMarket.observe(SIGNAL_CANDLE);
        assertThat(h.orders.find("pg-1")).get().extracting(Order::state).isEqualTo(OrderState.ACCEPTED);

        h.clock.advance(Duration.ofSeconds(3));
        h.observeMarket.observe(NEXT_CANDLE);

        Order filled = h.orders.find("pg-1").orElseThrow();
        assertThat(filled.state()).isEqualTo(OrderState.FILLED);
        assertThat(filled.fill().price()).isEqualTo(Price.of("100.12345678"));
        assertThat(filled.fill().fee()).isEqualTo(Money.of("0.05006173", "USDT"));
        assertThat(filled.settledAt()).isEqualTo(NEXT_CANDLE.openTime());
        assertThat(h.orders.transitions("pg-1"))
                .extracting(OrderTransition::from, OrderTransition::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, OrderState.PENDING_SUBMIT),
                        org.assertj.core.groups.Tuple.tuple(OrderState.PENDING_SUBMIT, OrderState.ACCEPTED),
                        org.assertj.core.groups.Tuple.tuple(OrderState.ACCEPTED, OrderState.FILLED));

        OrderFilled report = h.publisher.published(OrderFilled.class).getFirst();
        assertThat(report.clientOrderId()).isEqualTo("pg-1");
        assertThat(report.intentId()).isEqualTo(intent.intentId());
        assertThat(report.fillPrice()).isEqualTo(Price.of("100.12345678"));
        assertThat(report.fee()).isEqualTo(Money.of("0.05006173", "USDT"));
        assertThat(report.venue()).isEqualTo("paper");
        assertThat(report.venueOrderId()).startsWith("paper-");
        assertThat(report.purpose()).isEqualTo(OrderPurpose.ENTRY);
        assertThat(h.publisher.published()).hasSize(2);

        assertThat(h.metrics.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.fee()).isEqualTo(Money.of("0.05006173", "USDT"));
            assertThat(fill.purpose()).isEqualTo(OrderPurpose.ENTRY);
            assertThat(fill.slippageCost()).isZero();
        });
        assertThat(h.metrics.latencies()).containsExactly(Duration.ofSeconds(3));
        assertThat(h.metrics.transitionsTo(OrderState.PENDING_SUBMIT)).isEqualTo(1);
        assertThat(h.metrics.transitionsTo(OrderState.ACCEPTED)).isEqualTo(1);
        assertThat(h.metrics.transitionsTo(OrderState.FILLED)).isEqualTo(1);
    }

    @Test
    void everyReportJoinsTheIntentsChain() {
        OrderIntentCreated intent = Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE);
        h.placeOrder.place(intent);
        h.clock.advance(Duration.ofMinutes(15));
        h.observeMarket.observe(NEXT_CANDLE);

        assertThat(h.publisher.published()).hasSize(2).allSatisfy(report -> {
            assertThat(report.envelope().correlationId())
                    .isEqualTo(intent.envelope().correlationId());
            assertThat(report.envelope().causationId())
                    .isEqualTo(intent.envelope().eventId());
            assertThat(report.key()).isEqualTo("BTCUSDT");
        });
        // Accepted when the intent was made; filled when the market executed it (the next candle's open).
        assertThat(h.publisher.published().getFirst().envelope().eventTime())
                .isEqualTo(intent.envelope().eventTime());
        assertThat(h.publisher.published().getLast().envelope().eventTime()).isEqualTo(NEXT_CANDLE.openTime());
        assertThat(h.publisher.published().getLast().envelope().processingTime())
                .isEqualTo(h.clock.instant());
    }

    @Test
    void aCandleBeforeItsIntentGivesTheSameFill() {
        Harness intentFirst = new Harness();
        intentFirst.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE));
        intentFirst.observeMarket.observe(SIGNAL_CANDLE);
        intentFirst.observeMarket.observe(NEXT_CANDLE);
        intentFirst.observeMarket.observe(LATER_CANDLE);

        Harness candlesFirst = new Harness();
        candlesFirst.observeMarket.observe(SIGNAL_CANDLE);
        candlesFirst.observeMarket.observe(NEXT_CANDLE);
        candlesFirst.observeMarket.observe(LATER_CANDLE);
        Order placed = candlesFirst.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE));

        assertThat(placed.state()).isEqualTo(OrderState.FILLED);
        Order a = intentFirst.orders.find("pg-1").orElseThrow();
        Order b = candlesFirst.orders.find("pg-1").orElseThrow();
        assertThat(b.fill()).isEqualTo(a.fill());
        assertThat(b.venueOrderId()).isEqualTo(a.venueOrderId());
        assertThat(b.fill().price())
                .as("the first candle after notBefore, not a later one")
                .isEqualTo(Price.of("100.12345678"));
        assertThat(withoutEnvelopes(candlesFirst.publisher.published()))
                .isEqualTo(withoutEnvelopes(intentFirst.publisher.published()));
        assertThat(candlesFirst.orders.transitions("pg-1"))
                .extracting(OrderTransition::to)
                .isEqualTo(intentFirst.orders.transitions("pg-1").stream()
                        .map(OrderTransition::to)
                        .toList());
    }

    @Test
    void aKnownIntentCreatesNothingNewAndReportsTheOrderAgain() {
        OrderIntentCreated intent = Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE);
        h.placeOrder.place(intent);
        h.observeMarket.observe(NEXT_CANDLE);
        List<OrderTransition> trail = h.orders.transitions("pg-1");
        List<Object> firstReports = withoutEnvelopes(h.publisher.published());
        h.publisher.clear();

        Order again = h.placeOrder.place(intent);

        assertThat(again).isEqualTo(h.orders.find("pg-1").orElseThrow());
        assertThat(h.orders.size()).isEqualTo(1);
        assertThat(h.orders.transitions("pg-1")).isEqualTo(trail);
        assertThat(withoutEnvelopes(h.publisher.published())).isEqualTo(firstReports);
        assertThat(h.metrics.transitionsTo(OrderState.PENDING_SUBMIT)).isEqualTo(1);
        assertThat(h.metrics.fills()).hasSize(1);
    }

    @Test
    void anOrderWhoseAcceptanceWasNotPublishedIsReportedOnRedelivery() {
        OrderIntentCreated intent = Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE);
        h.publisher.failNext(OrderAccepted.class);

        assertThatThrownBy(() -> h.placeOrder.place(intent)).isInstanceOf(IllegalStateException.class);
        assertThat(h.publisher.published()).isEmpty();

        h.placeOrder.place(intent);

        assertThat(h.publisher.published()).singleElement().isInstanceOf(OrderAccepted.class);
        assertThat(h.orders.size()).isEqualTo(1);
    }

    @Test
    void aFillWhoseReportWasNotPublishedIsReportedWhenTheCandleIsRedelivered() {
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE));
        h.publisher.failNext(OrderFilled.class);

        assertThatThrownBy(() -> h.observeMarket.observe(NEXT_CANDLE)).isInstanceOf(IllegalStateException.class);
        assertThat(h.orders.find("pg-1")).get().extracting(Order::state).isEqualTo(OrderState.FILLED);
        assertThat(h.publisher.published(OrderFilled.class)).isEmpty();

        h.observeMarket.observe(NEXT_CANDLE);

        assertThat(h.publisher.published(OrderFilled.class))
                .singleElement()
                .extracting(OrderFilled::fillPrice)
                .isEqualTo(Price.of("100.12345678"));
        assertThat(h.orders.transitions("pg-1")).hasSize(3);
        assertThat(h.metrics.fills()).hasSize(1);
    }

    @Test
    void aClientOrderIdReusedByAnotherIntentIsRefused() {
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE));
        OrderIntentCreated other = Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE.plusSeconds(900));
        OrderIntentCreated impostor = new OrderIntentCreated(
                other.envelope(),
                java.util.UUID.fromString("00000000-0000-0000-0000-00000000beef"),
                "pg-1",
                other.decisionId(),
                other.signalId(),
                other.strategyId(),
                other.symbol(),
                other.side(),
                other.orderType(),
                other.quantity(),
                null,
                other.notBefore(),
                other.purpose(),
                null,
                null,
                null);

        assertThatThrownBy(() -> h.placeOrder.place(impostor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pg-1");
        assertThat(h.orders.size()).isEqualTo(1);
    }

    @Test
    void aLimitOrderIsRejectedAndNeverFills() {
        OrderIntentCreated intent = Events.intent("BTCUSDT", "pg-limit", OrderType.LIMIT, "1", "100", SIGNAL_CLOSE);

        Order placed = h.placeOrder.place(intent);
        h.observeMarket.observe(NEXT_CANDLE);

        assertThat(placed.state()).isEqualTo(OrderState.REJECTED);
        assertThat(placed.rejectReason().code()).isEqualTo(RejectionCodes.UNSUPPORTED_ORDER_TYPE);
        assertThat(h.orders.find("pg-limit")).get().extracting(Order::state).isEqualTo(OrderState.REJECTED);
        assertThat(h.publisher.published()).singleElement().isInstanceOfSatisfying(OrderRejected.class, rejected -> {
            assertThat(rejected.reason().code()).isEqualTo(RejectionCodes.UNSUPPORTED_ORDER_TYPE);
            assertThat(rejected.envelope().correlationId())
                    .isEqualTo(intent.envelope().correlationId());
        });
        assertThat(h.orders.transitions("pg-limit"))
                .extracting(OrderTransition::to)
                .containsExactly(OrderState.PENDING_SUBMIT, OrderState.REJECTED);
        assertThat(h.metrics.transitionsTo(OrderState.REJECTED)).isEqualTo(1);
    }

    @Test
    void anOrderAboveTheMaximumNotionalAtItsExecutionPriceIsRejectedInsteadOfFilled() {
        // 1000 × 100.12345678 = 100123.45678 > 100000
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-big", "1000", SIGNAL_CLOSE));

        h.observeMarket.observe(NEXT_CANDLE);

        Order rejected = h.orders.find("pg-big").orElseThrow();
        assertThat(rejected.state()).isEqualTo(OrderState.REJECTED);
        assertThat(rejected.rejectReason().code()).isEqualTo(RejectionCodes.MAX_NOTIONAL_EXCEEDED);
        assertThat(rejected.settledAt()).isEqualTo(NEXT_CANDLE.openTime());
        assertThat(h.publisher.published())
                .extracting(report -> report.getClass().getSimpleName())
                .containsExactly("OrderAccepted", "OrderRejected");
        assertThat(h.metrics.fills()).isEmpty();
    }

    @Test
    void theMaximumNotionalGivesTheSameOutcomeWhicheverArrivesFirst() {
        Harness candleFirst = new Harness();
        candleFirst.observeMarket.observe(NEXT_CANDLE);

        Order placed = candleFirst.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-big", "1000", SIGNAL_CLOSE));

        assertThat(placed.state()).isEqualTo(OrderState.REJECTED);
        assertThat(placed.rejectReason().code()).isEqualTo(RejectionCodes.MAX_NOTIONAL_EXCEEDED);
        assertThat(candleFirst.publisher.published())
                .extracting(report -> report.getClass().getSimpleName())
                .containsExactly("OrderAccepted", "OrderRejected");
    }

    @Test
    void candlesOfOtherSymbolsOrBeforeNotBeforeFillNothing() {
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE));

        h.observeMarket.observe(Events.candle("ETHUSDT", SIGNAL_CLOSE.plusMillis(1), "3000"));
        h.observeMarket.observe(SIGNAL_CANDLE);

        assertThat(h.orders.find("pg-1")).get().extracting(Order::state).isEqualTo(OrderState.ACCEPTED);
        assertThat(h.publisher.published()).hasSize(1);
    }

    @Test
    void oneCandleFillsEveryWorkingOrderItMakesExecutable() {
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE));
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-2", "0.25", SIGNAL_CLOSE.minusSeconds(900)));
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-3", "1", SIGNAL_CLOSE.plusSeconds(900)));

        h.observeMarket.observe(NEXT_CANDLE);

        assertThat(h.findOrders.list(new OrderFilter(Optional.empty(), Optional.of(OrderState.FILLED), 10)))
                .extracting(Order::clientOrderId)
                .containsExactlyInAnyOrder("pg-1", "pg-2");
        assertThat(h.orders.find("pg-3")).get().extracting(Order::state).isEqualTo(OrderState.ACCEPTED);
    }

    @Test
    void theHistoryOfAnOrderListsItsTransitions() {
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE));
        h.observeMarket.observe(NEXT_CANDLE);

        Optional<OrderHistory> history = h.findOrders.history("pg-1");

        assertThat(history).get().satisfies(found -> {
            assertThat(found.order().state()).isEqualTo(OrderState.FILLED);
            assertThat(found.transitions())
                    .extracting(OrderTransition::to)
                    .containsExactly(OrderState.PENDING_SUBMIT, OrderState.ACCEPTED, OrderState.FILLED);
        });
        assertThat(h.findOrders.history("unknown")).isEmpty();
    }

    @Test
    void aFillCandleArrivingWhileTheAcceptanceIsPublishedWaitsSoReportsStayInLifecycleOrder() {
        OrderIntentCreated intent = Events.marketIntent("BTCUSDT", "pg-race", "0.5", SIGNAL_CLOSE);
        Thread candleListener = new Thread(() -> h.observeMarket.observe(NEXT_CANDLE), "candle-listener");
        h.publisher.beforePublish(report -> {
            if (report instanceof OrderAccepted) {
                // The order is stored but not yet reported: the worst moment for its fill candle to arrive.
                candleListener.start();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> candleListener.getState() == Thread.State.WAITING
                                || candleListener.getState() == Thread.State.TERMINATED);
            }
        });

        h.placeOrder.place(intent);
        await().atMost(Duration.ofSeconds(10)).until(() -> candleListener.getState() == Thread.State.TERMINATED);

        assertThat(h.orders.find("pg-race")).get().extracting(Order::state).isEqualTo(OrderState.FILLED);
        assertThat(h.publisher.published())
                .extracting(report -> report.getClass().getSimpleName())
                .containsExactly("OrderAccepted", "OrderFilled");
        assertThat(h.metrics.fills()).hasSize(1);
    }

    /** Reports compared by content: event ids and processing times differ between runs by design. */
    private static List<Object> withoutEnvelopes(List<ExecutionReportEvent> reports) {
        return reports.stream()
                .<Object>map(report -> switch (report) {
                    case OrderAccepted a ->
                        List.of(
                                "accepted",
                                a.clientOrderId(),
                                a.intentId(),
                                a.symbol(),
                                a.side(),
                                a.quantity(),
                                a.venue(),
                                a.envelope().correlationId(),
                                a.envelope().causationId(),
                                a.envelope().eventTime());
                    case OrderFilled f ->
                        List.of(
                                "filled",
                                f.clientOrderId(),
                                f.intentId(),
                                f.symbol(),
                                f.quantity(),
                                f.fillPrice(),
                                f.fee(),
                                f.venue(),
                                f.venueOrderId(),
                                f.envelope().correlationId(),
                                f.envelope().causationId());
                    case OrderRejected r -> List.of("rejected", r.clientOrderId(), r.intentId(), r.reason(), r.venue());
                    default -> List.of(report.getClass().getSimpleName(), report.clientOrderId(), report.intentId());
                })
                .toList();
    }
}
