package dev.peregrine.execution.application;

import static dev.peregrine.execution.fixtures.Events.SIGNAL_CLOSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.OrderAccepted;
import dev.peregrine.common.event.OrderFilled;
import dev.peregrine.common.event.OrderIntentCreated;
import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderRejected;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.execution.application.port.out.VenueCancel;
import dev.peregrine.execution.application.port.out.VenueLookup;
import dev.peregrine.execution.application.port.out.VenueSubmission;
import dev.peregrine.execution.domain.Fill;
import dev.peregrine.execution.domain.Order;
import dev.peregrine.execution.domain.OrderChange;
import dev.peregrine.execution.domain.OrderState;
import dev.peregrine.execution.domain.OrderTransition;
import dev.peregrine.execution.domain.ProtectivePair;
import dev.peregrine.execution.domain.RejectionCodes;
import dev.peregrine.execution.fixtures.Events;
import dev.peregrine.execution.fixtures.Terms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Write before you send, and unknown is a state: an order is stored before the venue is called, a send without a
 * settling answer leaves it UNKNOWN, and only the venue's answer to a lookup moves it on. Nothing is ever sent twice.
 */
class UnknownOutcomeTest {

    private static final Instant OPEN_1 = SIGNAL_CLOSE.plusMillis(1);
    private static final Fill FILLED_AT_VENUE =
            new Fill(Price.of("100.2"), Money.of("0.0005", "BTC"), OPEN_1.plusSeconds(1), Price.of("100.2"));

    private final Harness h = new Harness();

    private static OrderIntentCreated entry() {
        return Events.marketIntent("BTCUSDT", "pg-1", "0.5", SIGNAL_CLOSE);
    }

    private Order order(String clientOrderId) {
        return h.orders.find(clientOrderId).orElseThrow();
    }

    private List<OrderState> trail(String clientOrderId) {
        return h.orders.transitions(clientOrderId).stream()
                .map(OrderTransition::to)
                .toList();
    }

    @Test
    void aSendWithoutASettlingAnswerLeavesTheOrderUnknownAndUnreported() {
        h.venue.answerNextSubmit(new VenueSubmission.Unknown("read timed out after 10 s"));

        Order placed = h.placeOrder.place(entry());

        assertThat(placed.state()).isEqualTo(OrderState.UNKNOWN);
        assertThat(trail("pg-1")).containsExactly(OrderState.PENDING_SUBMIT, OrderState.UNKNOWN);
        assertThat(h.orders.transitions("pg-1").getLast().detail()).contains("read timed out");
        assertThat(h.publisher.published())
                .as("risk keeps its reservation until the fate is known")
                .isEmpty();
        assertThat(h.venue.sent()).containsExactly("pg-1");
    }

    @Test
    void aRedeliveredIntentNeverReachesTheVenueAgain() {
        h.venue.answerNextSubmit(new VenueSubmission.Unknown("HTTP 503"));
        h.placeOrder.place(entry());

        h.placeOrder.place(entry());
        h.placeOrder.place(entry());

        assertThat(h.venue.sent()).containsExactly("pg-1");
        assertThat(order("pg-1").state()).isEqualTo(OrderState.UNKNOWN);
    }

    @Test
    void anOrderLeftPendingByACrashBecomesUnknownOnRedeliveryAndIsNotSent() {
        h.venue.stopBeforeNextSubmit();
        assertThatThrownBy(() -> h.placeOrder.place(entry())).isInstanceOf(IllegalStateException.class);
        assertThat(order("pg-1").state()).isEqualTo(OrderState.PENDING_SUBMIT);

        Order again = h.placeOrder.place(entry());

        assertThat(again.state()).isEqualTo(OrderState.UNKNOWN);
        assertThat(h.venue.sent()).isEmpty();
        assertThat(h.orders.transitions("pg-1").getLast().detail()).contains("may have been sent");
        assertThat(h.resolveOrders.resolveDue())
                .as("the paper venue has every order")
                .isZero();
        assertThat(order("pg-1").state()).isEqualTo(OrderState.ACCEPTED);
    }

    @Test
    void anUnknownOrderTheVenueExecutedIsAcceptedThenFilledWhenLookedUp() {
        h.venue.answerNextSubmit(new VenueSubmission.Unknown("-1007 send status unknown"));
        h.placeOrder.place(entry());
        h.venue
                .answerNextLookup(new VenueLookup.Executed("v-7", FILLED_AT_VENUE))
                .answerNextLookup(new VenueLookup.Executed("v-7", FILLED_AT_VENUE));

        int stillUnresolved = h.resolveOrders.resolveDue();

        assertThat(stillUnresolved).isZero();
        Order resolved = order("pg-1");
        assertThat(resolved.state()).isEqualTo(OrderState.FILLED);
        assertThat(resolved.venueOrderId()).isEqualTo("v-7");
        assertThat(resolved.fill()).isEqualTo(FILLED_AT_VENUE);
        assertThat(trail("pg-1"))
                .containsExactly(OrderState.PENDING_SUBMIT, OrderState.UNKNOWN, OrderState.ACCEPTED, OrderState.FILLED);
        assertThat(h.publisher.published()).hasExactlyElementsOfTypes(OrderAccepted.class, OrderFilled.class);
        assertThat(h.venue.sent()).containsExactly("pg-1");
    }

    @Test
    void anUnknownOrderTheVenueWorksIsAcceptedAndThenFillsLikeAnyOther() {
        h.venue.answerNextSubmit(new VenueSubmission.Unknown("connection reset"));
        h.placeOrder.place(entry());

        h.resolveOrders.resolveDue();
        assertThat(order("pg-1").state()).isEqualTo(OrderState.ACCEPTED);

        h.observeMarket.observe(Events.candle("BTCUSDT", OPEN_1, "100"));
        assertThat(order("pg-1").state()).isEqualTo(OrderState.FILLED);
        assertThat(h.venue.sent()).containsExactly("pg-1");
    }

    @Test
    void absenceProvesNothingWithinTheGracePeriodAndRejectsTheOrderAfterIt() {
        h.venue.answerNextSubmit(new VenueSubmission.Unknown("read timed out"));
        h.placeOrder.place(entry());
        h.venue.answerNextLookup(new VenueLookup.Absent("-2013 Order does not exist."));

        assertThat(h.resolveOrders.resolveDue()).isEqualTo(1);
        assertThat(order("pg-1").state())
                .as("-2013 right after the send may mean 'not visible yet'")
                .isEqualTo(OrderState.UNKNOWN);

        h.clock.advance(Harness.ABSENCE_GRACE);
        h.venue.answerNextLookup(new VenueLookup.Absent("-2013 Order does not exist."));
        assertThat(h.resolveOrders.resolveDue()).isZero();

        Order rejected = order("pg-1");
        assertThat(rejected.state()).isEqualTo(OrderState.REJECTED);
        assertThat(rejected.rejectReason().code()).isEqualTo(RejectionCodes.NOT_AT_VENUE);
        assertThat(h.publisher.published())
                .singleElement()
                .isInstanceOfSatisfying(
                        OrderRejected.class,
                        report -> assertThat(report.reason().code()).isEqualTo(RejectionCodes.NOT_AT_VENUE));
        assertThat(h.venue.sent()).as("never re-sent").containsExactly("pg-1");
    }

    @Test
    void anUnansweredLookupIsRetriedOnlyAfterABackOffThatGrows() {
        h.venue.answerNextSubmit(new VenueSubmission.Unknown("read timed out"));
        h.placeOrder.place(entry());
        h.venue
                .answerNextLookup(new VenueLookup.Unanswered("HTTP 503"))
                .answerNextLookup(new VenueLookup.Unanswered("HTTP 503"));

        h.resolveOrders.resolveDue();
        h.resolveOrders.resolveDue();
        assertThat(h.venue.lookedUp())
                .as("the second round comes before the first back-off ends")
                .hasSize(1);

        h.clock.advance(Duration.ofSeconds(1));
        h.resolveOrders.resolveDue();
        assertThat(h.venue.lookedUp()).hasSize(2);

        h.clock.advance(Duration.ofSeconds(1));
        h.resolveOrders.resolveDue();
        assertThat(h.venue.lookedUp()).as("the back-off doubled to 2 s").hasSize(2);

        h.clock.advance(Duration.ofSeconds(1));
        h.resolveOrders.resolveDue();
        assertThat(h.venue.lookedUp())
                .as("found working, then looked up once more to settle it")
                .hasSize(4);
        assertThat(order("pg-1").state()).isEqualTo(OrderState.ACCEPTED);
    }

    @Test
    void anExitWhoseProtectionCancelTheVenueDidNotConfirmSellsNothing() {
        h.placeOrder.place(Events.protectedEntry("BTCUSDT", "pg-entry", "0.5", SIGNAL_CLOSE, "95", "110"));
        h.observeMarket.observe(Events.candle("BTCUSDT", OPEN_1, "100", "101", "99", "100.5"));
        String stop = ProtectivePair.clientOrderIdOf(OrderPurpose.STOP_LOSS, "pg-entry");
        assertThat(order(stop).state()).isEqualTo(OrderState.ACCEPTED);
        h.venue.answerNextCancel(new VenueCancel.Unanswered("HTTP 504"));

        Order exit =
                h.placeOrder.place(Events.exit("BTCUSDT", "pg-exit", "0.5", SIGNAL_CLOSE.plus(Duration.ofMinutes(15))));

        assertThat(exit.state()).isEqualTo(OrderState.REJECTED);
        assertThat(exit.rejectReason().code()).isEqualTo(RejectionCodes.CANCEL_UNCONFIRMED);
        assertThat(order(stop).state()).as("the position stays protected").isEqualTo(OrderState.ACCEPTED);
        assertThat(h.venue.sent()).doesNotContain("pg-exit");
    }

    @Test
    void anExitWhoseProtectionAlreadySoldThePositionSellsNothing() {
        h.placeOrder.place(Events.protectedEntry("BTCUSDT", "pg-entry", "0.5", SIGNAL_CLOSE, "95", "110"));
        h.observeMarket.observe(Events.candle("BTCUSDT", OPEN_1, "100", "101", "99", "100.5"));
        String stop = ProtectivePair.clientOrderIdOf(OrderPurpose.STOP_LOSS, "pg-entry");
        String target = ProtectivePair.clientOrderIdOf(OrderPurpose.TAKE_PROFIT, "pg-entry");
        Fill stopFill = new Fill(Price.of("95"), Money.of("0.0475", "USDT"), OPEN_1.plusSeconds(60), Price.of("95"));
        // The venue sold the position with the stop before the exit's cancel arrived.
        h.venue
                .answerNextCancel(new VenueCancel.NotWorking("-2011 Unknown order sent."))
                .answerNextLookup(new VenueLookup.Executed("v-stop", stopFill));

        Order exit =
                h.placeOrder.place(Events.exit("BTCUSDT", "pg-exit", "0.5", SIGNAL_CLOSE.plus(Duration.ofMinutes(15))));

        assertThat(order(stop).state()).isEqualTo(OrderState.FILLED);
        assertThat(order(target).state()).isEqualTo(OrderState.CANCELED);
        assertThat(exit.state()).isEqualTo(OrderState.REJECTED);
        assertThat(exit.rejectReason().code()).isEqualTo(RejectionCodes.NOTHING_HELD);
        assertThat(h.venue.sent()).doesNotContain("pg-exit");
    }

    @Test
    void ordersOfAnotherVenueAreNeitherLookedUpNorHeldHere() {
        OrderChange pending = Order.open(Terms.entry("pg-live", "0.5", SIGNAL_CLOSE), "binance", h.clock.instant());
        h.orders.insert(pending.order(), List.of(pending.transition()));
        OrderChange live = Order.open(Terms.entry("pg-live-filled", "0.5", SIGNAL_CLOSE), "binance", h.clock.instant());
        OrderChange accepted = live.order().accept("b-1", h.clock.instant());
        OrderChange filled = accepted.order().fill(FILLED_AT_VENUE, h.clock.instant());
        h.orders.insert(filled.order(), List.of(live.transition(), accepted.transition(), filled.transition()));

        assertThat(h.resolveOrders.resolveDue()).isZero();
        Order exit = h.placeOrder.place(Events.exit("BTCUSDT", "pg-paper-exit", "0.5", SIGNAL_CLOSE));

        assertThat(h.venue.lookedUp()).isEmpty();
        assertThat(order("pg-live").state()).isEqualTo(OrderState.PENDING_SUBMIT);
        assertThat(exit.rejectReason().code())
                .as("a live fill holds nothing at the paper venue")
                .isEqualTo(RejectionCodes.NOTHING_HELD);
    }

    @Test
    void aVenueRefusalIsStoredAndReported() {
        h.venue.answerNextSubmit(new VenueSubmission.Refused(
                Reason.of("INSUFFICIENT_BALANCE", "-2010 Account has insufficient balance for requested action.")));

        Order placed = h.placeOrder.place(entry());

        assertThat(placed.state()).isEqualTo(OrderState.REJECTED);
        assertThat(trail("pg-1")).containsExactly(OrderState.PENDING_SUBMIT, OrderState.REJECTED);
        assertThat(h.publisher.published()).singleElement().isInstanceOf(OrderRejected.class);
    }
}
