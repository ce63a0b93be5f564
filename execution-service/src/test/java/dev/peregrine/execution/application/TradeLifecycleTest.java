package dev.peregrine.execution.application;

import static dev.peregrine.execution.fixtures.Events.SIGNAL_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.ExecutionReportEvent;
import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderCancelRequested;
import dev.peregrine.common.event.OrderCanceled;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.execution.domain.CancelCodes;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.OrderTransition;
import dev.peregrine.execution.domain.ProtectivePair;
import dev.peregrine.execution.domain.RejectionCodes;
import dev.peregrine.execution.fixtures.Events;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The whole paper trade: entry, its protective pair, one leg filling and cancelling the other, and exits. */
class TradeLifecycleTest {

    private static final Duration M15 = Duration.ofMinutes(15);
    private static final Instant OPEN_1 = SIGNAL_CLOSE.plusMillis(1);
    private static final String STOP = ProtectivePair.clientOrderIdOf(OrderPurpose.STOP_LOSS, "pg-entry");
    private static final String TARGET = ProtectivePair.clientOrderIdOf(OrderPurpose.TAKE_PROFIT, "pg-entry");

    private final Harness h = new Harness();

    /** The n-th candle after the signal candle (n = 1 is the entry's fill candle). */
    private static CandleClosed candle(int n, String open, String high, String low, String close) {
        return Events.candle("BTCUSDT", OPEN_1.plus(M15.multipliedBy(n - 1)), open, high, low, close);
    }

    private static OrderIntentCreated protectedEntry() {
        return Events.protectedEntry("BTCUSDT", "pg-entry", "0.5", SIGNAL_CLOSE, "95", "110");
    }

    /** An exit decided on the close of the n-th candle: it fills at the open of candle n + 1. */
    private static OrderIntentCreated exitAfter(int n, String clientOrderId, String quantity) {
        return Events.exit("BTCUSDT", clientOrderId, quantity, SIGNAL_CLOSE.plus(M15.multipliedBy(n)));
    }

    private Order order(String clientOrderId) {
        return h.orders.find(clientOrderId).orElseThrow();
    }

    private List<String> reportsIn(List<ExecutionReportEvent> reports) {
        return reports.stream()
                .map(report -> report.getClass().getSimpleName() + " " + purposeOf(report))
                .toList();
    }

    private static String purposeOf(ExecutionReportEvent report) {
        return switch (report) {
            case OrderFilled filled -> filled.purpose().name();
            case OrderCanceled canceled -> canceled.purpose().name();
            default ->
                report.clientOrderId().equals(STOP)
                        ? "STOP_LOSS"
                        : report.clientOrderId().equals(TARGET)
                                ? "TAKE_PROFIT"
                                : report.side().name();
        };
    }

    private void enter() {
        h.placeOrder.place(protectedEntry());
        h.observeMarket.observe(candle(1, "100", "101", "99", "100.5"));
    }

    @Test
    void aCancelRequestCancelsAWorkingEntryAndReportsAFilledOneAsFilled() {
        h.placeOrder.place(protectedEntry());
        OrderCancelRequested request = new OrderCancelRequested(
                Envelope.root(UUID.randomUUID(), SIGNAL_CLOSE, SIGNAL_CLOSE),
                "pg-entry",
                "ema-cross-v1",
                Symbol.of("BTCUSDT"),
                Reason.of("KILL_SWITCH", "drill"));

        Order canceled = h.cancelOrder.cancel(request).orElseThrow();

        assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
        assertThat(h.publisher.published().getLast()).isInstanceOfSatisfying(OrderCanceled.class, report -> {
            assertThat(report.purpose()).isEqualTo(OrderPurpose.ENTRY);
            assertThat(report.reason().code()).isEqualTo("KILL_SWITCH");
        });
        // The next candle fills nothing, and asking again only reports the cancel again.
        h.observeMarket.observe(candle(1, "100", "101", "99", "100.5"));
        assertThat(order("pg-entry").state()).isEqualTo(OrderState.CANCELED);
        int before = h.publisher.published().size();
        h.cancelOrder.cancel(request);
        assertThat(h.publisher.published()).hasSize(before + 1);
        assertThat(h.cancelOrder.cancel(new OrderCancelRequested(
                        request.envelope(), "pg-unknown", "ema-cross-v1", Symbol.of("BTCUSDT"), request.reason())))
                .isEmpty();
    }

    @Test
    void aCancelRequestForAnEntryThatAlreadyExecutedSettlesItAsFilled() {
        h.observeMarket.observe(candle(1, "100", "101", "99", "100.5"));
        h.placeOrder.place(Events.marketIntent("BTCUSDT", "pg-late", "0.5", SIGNAL_CLOSE));
        // Placed after its fill candle: it has already executed by the time the cancel arrives.
        Order order = h.cancelOrder
                .cancel(new OrderCancelRequested(
                        Envelope.root(UUID.randomUUID(), SIGNAL_CLOSE, SIGNAL_CLOSE),
                        "pg-late",
                        "ema-cross-v1",
                        Symbol.of("BTCUSDT"),
                        Reason.of("KILL_SWITCH", "drill")))
                .orElseThrow();

        assertThat(order.state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void aFilledEntryWithSlippageRestsItsStopAndTakeProfitAsOnePair() {
        h.placeOrder.place(protectedEntry());
        h.publisher.clear();

        h.observeMarket.observe(candle(1, "100", "101", "99", "100.5"));

        Order entry = order("pg-entry");
        assertThat(entry.fill().price()).as("100 + 2 bps").isEqualTo(Price.of("100.0200"));
        assertThat(entry.fill().referencePrice()).isEqualTo(Price.of("100"));
        assertThat(List.of(order(STOP), order(TARGET))).allSatisfy(leg -> {
            assertThat(leg.state()).isEqualTo(OrderState.ACCEPTED);
            assertThat(leg.side()).isEqualTo(Side.SELL);
            assertThat(leg.quantity()).isEqualTo(Quantity.of("0.5"));
            assertThat(leg.causation()).isEqualTo(entry.causation());
        });
        assertThat(order(STOP).role().purpose()).isEqualTo(OrderPurpose.STOP_LOSS);
        assertThat(order(TARGET).type()).isEqualTo(OrderType.LIMIT);
        assertThat(reportsIn(h.publisher.published()))
                .containsExactly("OrderFilled ENTRY", "OrderAccepted STOP_LOSS", "OrderAccepted TAKE_PROFIT");
        assertThat(h.publisher.published(OrderAccepted.class)).allSatisfy(accepted -> {
            assertThat(accepted.envelope().correlationId())
                    .isEqualTo(protectedEntry().envelope().correlationId());
            assertThat(accepted.quantity()).isEqualTo(Quantity.of("0.5"));
        });
        assertThat(h.metrics.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.purpose()).isEqualTo(OrderPurpose.ENTRY);
            assertThat(fill.slippageCost()).isEqualByComparingTo("0.01");
        });
    }

    @Test
    void aLaterCandleReachingTheStopFillsItAndCancelsTheTakeProfit() {
        enter();
        h.observeMarket.observe(candle(2, "100.5", "102", "96", "97"));
        assertThat(order(STOP).state()).isEqualTo(OrderState.ACCEPTED);
        h.publisher.clear();

        h.observeMarket.observe(candle(3, "97", "98", "94", "94.5"));

        assertThat(order(STOP).state()).isEqualTo(OrderState.FILLED);
        assertThat(order(STOP).fill().price().value()).as("95 - 2 bps").isEqualByComparingTo("94.981");
        assertThat(order(TARGET).state()).isEqualTo(OrderState.CANCELED);
        assertThat(order(TARGET).cancellation().reason().code()).isEqualTo(CancelCodes.OCO_OTHER_LEG_FILLED);
        assertThat(order(TARGET).cancellation().canceledBy()).isEqualTo(STOP);
        assertThat(order(TARGET).settledAt()).isEqualTo(order(STOP).settledAt());
        assertThat(reportsIn(h.publisher.published()))
                .containsExactly("OrderFilled STOP_LOSS", "OrderCanceled TAKE_PROFIT");
        assertThat(h.publisher.published(OrderCanceled.class)).singleElement().satisfies(canceled -> {
            assertThat(canceled.executedQuantity()).isEqualTo(Quantity.ZERO);
            assertThat(canceled.reason().code()).isEqualTo(CancelCodes.OCO_OTHER_LEG_FILLED);
        });
        assertThat(h.orders.transitions(TARGET))
                .extracting(OrderTransition::to)
                .containsExactly(OrderState.PENDING_SUBMIT, OrderState.ACCEPTED, OrderState.CANCELED);
        assertThat(h.metrics.transitionsTo(OrderState.CANCELED)).isEqualTo(1);

        h.observeMarket.observe(candle(4, "94.5", "120", "80", "100"));
        assertThat(h.publisher.published()).as("nothing rests any more").hasSize(2);
    }

    @Test
    void aCandleReachingTheTakeProfitFillsItAndCancelsTheStop() {
        enter();

        h.observeMarket.observe(candle(2, "109", "112", "108", "111"));

        assertThat(order(TARGET).state()).isEqualTo(OrderState.FILLED);
        assertThat(order(TARGET).fill().price()).isEqualTo(Price.of("110"));
        assertThat(order(STOP).state()).isEqualTo(OrderState.CANCELED);
        assertThat(h.publisher.published(OrderFilled.class))
                .extracting(OrderFilled::purpose)
                .containsExactly(OrderPurpose.ENTRY, OrderPurpose.TAKE_PROFIT);
    }

    @Test
    void aFillCandleReachingBothLevelsStopsTheEntryOutOnTheSameCandle() {
        h.placeOrder.place(protectedEntry());

        h.observeMarket.observe(candle(1, "100", "111", "94", "105"));

        assertThat(order("pg-entry").state()).isEqualTo(OrderState.FILLED);
        assertThat(order(STOP).state()).isEqualTo(OrderState.FILLED);
        assertThat(order(STOP).settledAt()).isEqualTo(OPEN_1);
        assertThat(order(TARGET).state()).isEqualTo(OrderState.CANCELED);
        assertThat(reportsIn(h.publisher.published()))
                .containsExactly(
                        "OrderAccepted BUY",
                        "OrderFilled ENTRY",
                        "OrderAccepted STOP_LOSS",
                        "OrderAccepted TAKE_PROFIT",
                        "OrderFilled STOP_LOSS",
                        "OrderCanceled TAKE_PROFIT");
    }

    @Test
    void candlesKnownBeforeTheIntentGiveTheSameTrade() {
        enter();
        h.observeMarket.observe(candle(2, "100.5", "102", "96", "97"));
        h.observeMarket.observe(candle(3, "97", "98", "94", "94.5"));

        Harness late = new Harness();
        late.observeMarket.observe(candle(1, "100", "101", "99", "100.5"));
        late.observeMarket.observe(candle(2, "100.5", "102", "96", "97"));
        late.observeMarket.observe(candle(3, "97", "98", "94", "94.5"));
        late.placeOrder.place(protectedEntry());

        for (String id : List.of("pg-entry", STOP, TARGET)) {
            Order a = order(id);
            Order b = late.orders.find(id).orElseThrow();
            assertThat(b.state()).isEqualTo(a.state());
            assertThat(b.fill()).isEqualTo(a.fill());
            assertThat(b.settledAt()).isEqualTo(a.settledAt());
        }
        assertThat(reportsIn(late.publisher.published())).isEqualTo(reportsIn(h.publisher.published()));
    }

    @Test
    void anExitCancelsThePairAndSellsOnlyWhatIsHeldAtTheNextOpen() {
        enter();
        h.publisher.clear();

        Order exit = h.placeOrder.place(exitAfter(1, "pg-exit", "2"));

        assertThat(exit.state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(exit.quantity()).as("clipped to the 0.5 held").isEqualTo(Quantity.of("0.5"));
        assertThat(order(STOP).state()).isEqualTo(OrderState.CANCELED);
        assertThat(order(TARGET).state()).isEqualTo(OrderState.CANCELED);
        assertThat(order(STOP).cancellation().reason().code()).isEqualTo(CancelCodes.CANCELED_FOR_EXIT);
        assertThat(order(STOP).cancellation().canceledBy()).isEqualTo("pg-exit");
        assertThat(reportsIn(h.publisher.published()))
                .containsExactly("OrderCanceled STOP_LOSS", "OrderCanceled TAKE_PROFIT", "OrderAccepted SELL");
        assertThat(h.orders.transitions("pg-exit").getFirst().detail()).contains("asked to sell 2, 0.5 held");

        h.observeMarket.observe(candle(2, "104", "105", "90", "95"));

        assertThat(order("pg-exit").state()).isEqualTo(OrderState.FILLED);
        assertThat(order("pg-exit").fill().price())
                .as("104 - 2 bps; the pair no longer rests")
                .isEqualTo(Price.of("103.9792"));
        assertThat(h.publisher.published(OrderFilled.class)).singleElement().satisfies(filled -> {
            assertThat(filled.purpose()).isEqualTo(OrderPurpose.EXIT);
            assertThat(filled.quantity()).isEqualTo(Quantity.of("0.5"));
            assertThat(filled.side()).isEqualTo(Side.SELL);
        });
        assertThat(h.metrics.latencies()).hasSize(2);
    }

    @Test
    void anExitAfterTheStopSoldThePositionIsRejectedNothingHeld() {
        enter();
        h.observeMarket.observe(candle(2, "97", "98", "94", "94.5"));
        h.publisher.clear();

        Order exit = h.placeOrder.place(exitAfter(2, "pg-exit", "0.5"));

        assertThat(exit.state()).isEqualTo(OrderState.REJECTED);
        assertThat(exit.rejectReason().code()).isEqualTo(RejectionCodes.NOTHING_HELD);
        assertThat(h.publisher.published())
                .singleElement()
                .isInstanceOfSatisfying(
                        OrderRejected.class,
                        rejected -> assertThat(rejected.reason().code()).isEqualTo(RejectionCodes.NOTHING_HELD));

        h.observeMarket.observe(candle(3, "94.5", "96", "93", "95"));
        assertThat(h.publisher.published()).as("nothing is sold").hasSize(1);
    }

    @Test
    void twoExitsOfOnePositionSellItOnce() {
        enter();

        Order first = h.placeOrder.place(exitAfter(1, "pg-exit-1", "0.5"));
        Order second = h.placeOrder.place(exitAfter(1, "pg-exit-2", "0.5"));

        assertThat(first.state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(second.state())
                .as("the first, still working, claimed it all")
                .isEqualTo(OrderState.REJECTED);
        assertThat(second.rejectReason().code()).isEqualTo(RejectionCodes.NOTHING_HELD);
        h.observeMarket.observe(candle(2, "104", "105", "103", "104"));
        assertThat(h.publisher.published(OrderFilled.class))
                .extracting(OrderFilled::clientOrderId)
                .containsExactly("pg-entry", "pg-exit-1");
    }

    @Test
    void aPartialExitSellsWhatItAsksAndLeavesTheRestToTheNextExit() {
        enter();

        h.placeOrder.place(exitAfter(1, "pg-exit-1", "0.2"));
        Order second = h.placeOrder.place(exitAfter(1, "pg-exit-2", "1"));

        assertThat(order("pg-exit-1").quantity()).isEqualTo(Quantity.of("0.2"));
        assertThat(second.quantity()).isEqualTo(Quantity.of("0.3"));
    }

    @Test
    void anExitWithoutAnyEntryIsRejectedNothingHeld() {
        Order exit = h.placeOrder.place(exitAfter(1, "pg-exit", "1"));

        assertThat(exit.state()).isEqualTo(OrderState.REJECTED);
        assertThat(exit.rejectReason().code()).isEqualTo(RejectionCodes.NOTHING_HELD);
    }

    @Test
    void anExitTheSafetyChecksRefuseLeavesThePairResting() {
        enter();
        OrderIntentCreated market = exitAfter(1, "pg-exit", "0.5");
        OrderIntentCreated limit = new OrderIntentCreated(
                market.envelope(),
                market.intentId(),
                market.clientOrderId(),
                market.decisionId(),
                market.signalId(),
                market.strategyId(),
                market.symbol(),
                market.side(),
                OrderType.LIMIT,
                market.quantity(),
                Price.of("120"),
                market.notBefore(),
                market.purpose(),
                null,
                null,
                market.exitReason());

        Order exit = h.placeOrder.place(limit);

        assertThat(exit.rejectReason().code()).isEqualTo(RejectionCodes.UNSUPPORTED_ORDER_TYPE);
        assertThat(order(STOP).state()).isEqualTo(OrderState.ACCEPTED);
        assertThat(order(TARGET).state()).isEqualTo(OrderState.ACCEPTED);
    }

    @Test
    void aRedeliveredExitCreatesAndCancelsNothingAndReportsItAllAgain() {
        enter();
        h.placeOrder.place(exitAfter(1, "pg-exit", "0.5"));
        int writes = h.orders.writes();
        h.publisher.clear();

        h.placeOrder.place(exitAfter(1, "pg-exit", "0.5"));

        assertThat(h.orders.writes()).isEqualTo(writes);
        assertThat(reportsIn(h.publisher.published()))
                .containsExactly(
                        "OrderAccepted STOP_LOSS",
                        "OrderCanceled STOP_LOSS",
                        "OrderAccepted TAKE_PROFIT",
                        "OrderCanceled TAKE_PROFIT",
                        "OrderAccepted SELL");
    }

    @Test
    void aRedeliveredEntryReportsItsLegsAgainAndCreatesNothing() {
        enter();
        h.observeMarket.observe(candle(2, "97", "98", "94", "94.5"));
        int writes = h.orders.writes();
        h.publisher.clear();

        h.placeOrder.place(protectedEntry());

        assertThat(h.orders.writes()).isEqualTo(writes);
        assertThat(h.orders.size()).isEqualTo(3);
        assertThat(reportsIn(h.publisher.published()))
                .containsExactly(
                        "OrderAccepted BUY",
                        "OrderFilled ENTRY",
                        "OrderAccepted STOP_LOSS",
                        "OrderFilled STOP_LOSS",
                        "OrderAccepted TAKE_PROFIT",
                        "OrderCanceled TAKE_PROFIT");
    }

    @Test
    void aLegFillWhoseReportsWereNotPublishedIsReportedWhenTheCandleIsRedeliveredAndFilledOnce() {
        enter();
        h.publisher.failNext(OrderCanceled.class);
        CandleClosed stopCandle = candle(2, "97", "98", "94", "94.5");

        assertThatThrownBy(() -> h.observeMarket.observe(stopCandle)).isInstanceOf(IllegalStateException.class);
        assertThat(order(TARGET).state()).isEqualTo(OrderState.CANCELED);
        h.publisher.clear();

        h.observeMarket.observe(stopCandle);

        assertThat(reportsIn(h.publisher.published()))
                .containsExactly("OrderFilled STOP_LOSS", "OrderCanceled TAKE_PROFIT");
        assertThat(h.metrics.fills())
                .extracting(fill -> fill.purpose())
                .containsExactly(OrderPurpose.ENTRY, OrderPurpose.STOP_LOSS);
    }

    @Test
    void anEntryFillWhoseLegsWereNotReportedIsReportedWithThemWhenItsCandleIsRedelivered() {
        h.placeOrder.place(protectedEntry());
        h.publisher.failNext(OrderAccepted.class);
        CandleClosed fillCandle = candle(1, "100", "101", "99", "100.5");

        assertThatThrownBy(() -> h.observeMarket.observe(fillCandle)).isInstanceOf(IllegalStateException.class);
        h.publisher.clear();

        h.observeMarket.observe(fillCandle);

        assertThat(reportsIn(h.publisher.published()))
                .containsExactly("OrderFilled ENTRY", "OrderAccepted STOP_LOSS", "OrderAccepted TAKE_PROFIT");
        assertThat(h.orders.size()).isEqualTo(3);
    }
}
