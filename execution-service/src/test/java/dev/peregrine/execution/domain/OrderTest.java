package dev.peregrine.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Side;
import dev.peregrine.execution.fixtures.Terms;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class OrderTest {

    private static final Instant T0 = Instant.parse("2024-03-01T09:15:00.700Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Reason REASON = Reason.of("MAX_NOTIONAL_EXCEEDED", "too big");
    private static final Fill FILL = new Fill(
            Price.of("100.5"), Money.of("0.1005", "USDT"), Instant.parse("2024-03-01T09:15:00Z"), Price.of("100.48"));
    private static final Cancellation CANCELLATION =
            new Cancellation(Reason.of("CANCELED_FOR_EXIT", "exit"), "pg-exit");

    /** The only legal moves; everything else must be refused. */
    private static final Set<Move> LEGAL = Set.of(
            new Move(OrderState.PENDING_SUBMIT, OrderState.ACCEPTED),
            new Move(OrderState.PENDING_SUBMIT, OrderState.REJECTED),
            new Move(OrderState.PENDING_SUBMIT, OrderState.UNKNOWN),
            new Move(OrderState.UNKNOWN, OrderState.ACCEPTED),
            new Move(OrderState.UNKNOWN, OrderState.REJECTED),
            new Move(OrderState.ACCEPTED, OrderState.FILLED),
            new Move(OrderState.ACCEPTED, OrderState.REJECTED),
            new Move(OrderState.ACCEPTED, OrderState.CANCELED));

    record Move(OrderState from, OrderState to) {}

    static OrderTerms terms() {
        return Terms.entry("pg-test-1", "0.5", Instant.parse("2024-03-01T09:14:59.999Z"));
    }

    static Order orderIn(OrderState state) {
        Order created = Order.open(terms(), "paper", T0).order();
        return switch (state) {
            case PENDING_SUBMIT -> created;
            case UNKNOWN -> created.markUnknown("timed out", T0).order();
            case ACCEPTED -> created.accept("paper-1", T0).order();
            case FILLED -> created.accept("paper-1", T0).order().fill(FILL, T0).order();
            case REJECTED -> created.reject(REASON, T0).order();
            case CANCELED ->
                created.accept("paper-1", T0)
                        .order()
                        .cancel(CANCELLATION, null, T0)
                        .order();
        };
    }

    static Function<Order, OrderChange> moveTo(OrderState target) {
        return switch (target) {
            case PENDING_SUBMIT ->
                order -> {
                    throw new IllegalStateException("there is no transition into PENDING_SUBMIT");
                };
            case UNKNOWN -> order -> order.markUnknown("timed out", T1);
            case ACCEPTED -> order -> order.accept("paper-1", T1);
            case FILLED -> order -> order.fill(FILL, T1);
            case REJECTED -> order -> order.reject(REASON, T1);
            case CANCELED -> order -> order.cancel(CANCELLATION, null, T1);
        };
    }

    static Stream<Arguments> legalMoves() {
        return LEGAL.stream().map(move -> Arguments.of(move.from(), move.to()));
    }

    static Stream<Arguments> illegalMoves() {
        return EnumSet.allOf(OrderState.class).stream()
                .flatMap(from -> EnumSet.complementOf(EnumSet.of(OrderState.PENDING_SUBMIT)).stream()
                        .map(to -> new Move(from, to)))
                .filter(move -> !LEGAL.contains(move))
                .map(move -> Arguments.of(move.from(), move.to()));
    }

    @Test
    void aNewOrderStartsTheAuditTrail() {
        OrderChange opened = Order.open(terms(), "paper", T0);

        assertThat(opened.order().state()).isEqualTo(OrderState.PENDING_SUBMIT);
        assertThat(opened.order().version()).isEqualTo(1);
        assertThat(opened.transition().isCreation()).isTrue();
        assertThat(opened.transition().to()).isEqualTo(OrderState.PENDING_SUBMIT);
        assertThat(opened.transition().at()).isEqualTo(T0);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalMoves")
    void everyLegalTransitionYieldsTheNextVersionAndAnAuditEntry(OrderState from, OrderState to) {
        Order before = orderIn(from);

        OrderChange change = moveTo(to).apply(before);

        assertThat(change.order().state()).isEqualTo(to);
        assertThat(change.order().version()).isEqualTo(before.version() + 1);
        assertThat(change.order().updatedAt()).isEqualTo(T1);
        assertThat(change.order().createdAt()).isEqualTo(before.createdAt());
        assertThat(change.transition())
                .isEqualTo(new OrderTransition(from, to, T1, change.transition().detail()));
        assertThat(change.transition().detail()).isNotBlank();
        assertThat(before.state()).as("orders are immutable").isEqualTo(from);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalMoves")
    void everyIllegalTransitionIsRefused(OrderState from, OrderState to) {
        Order before = orderIn(from);

        assertThatThrownBy(() -> moveTo(to).apply(before))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot move from " + from + " to " + to);
    }

    @ParameterizedTest
    @EnumSource(OrderState.class)
    void theStateMachineTableMatchesTheLegalMoves(OrderState from) {
        for (OrderState to : OrderState.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.contains(new Move(from, to)));
        }
        assertThat(from.isFinal()).isEqualTo(LEGAL.stream().noneMatch(move -> move.from() == from));
    }

    @Test
    void aFillKeepsThePriceFeeAndMarketTime() {
        Order filled = orderIn(OrderState.ACCEPTED).fill(FILL, T1).order();

        assertThat(filled.fill()).isEqualTo(FILL);
        assertThat(filled.settledAt()).isEqualTo(FILL.marketTime());
        assertThat(filled.venueOrderId()).isEqualTo("paper-1");
    }

    @Test
    void refusingAtExecutionRejectsAWorkingOrderAndKeepsTheMarketTime() {
        Instant marketTime = Instant.parse("2024-03-01T09:15:00Z");

        OrderChange change = orderIn(OrderState.ACCEPTED).refuseExecution(REASON, marketTime, T1);

        assertThat(change.order().state()).isEqualTo(OrderState.REJECTED);
        assertThat(change.order().rejectReason()).isEqualTo(REASON);
        assertThat(change.order().settledAt()).isEqualTo(marketTime);
        assertThat(change.transition().detail()).contains("MAX_NOTIONAL_EXCEEDED");
    }

    @Test
    void onlyAWorkingOrderCanBeRefusedAtExecution() {
        assertThatThrownBy(() -> orderIn(OrderState.PENDING_SUBMIT).refuseExecution(REASON, T0, T1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> orderIn(OrderState.FILLED).refuseExecution(REASON, T0, T1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOrderCannotClaimAStateWithoutItsData() {
        Order accepted = orderIn(OrderState.ACCEPTED);

        assertThatThrownBy(() -> new Order(
                        accepted.terms(), "paper", OrderState.FILLED, 3, "paper-1", null, null, null, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fill");
        assertThatThrownBy(() -> new Order(
                        accepted.terms(), "paper", OrderState.REJECTED, 2, null, null, null, null, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reject reason");
        assertThatThrownBy(() -> new Order(
                        accepted.terms(), "paper", OrderState.CANCELED, 3, "paper-1", null, null, null, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cancellation");
        assertThatThrownBy(() -> new Order(
                        accepted.terms(), "paper", OrderState.ACCEPTED, 2, null, null, null, null, null, T0, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("venue's order id");
    }

    @Test
    void aCancelKeepsItsReasonTheOrderThatCausedItAndTheMarketTime() {
        Instant marketTime = Instant.parse("2024-03-01T09:30:00Z");

        OrderChange change = orderIn(OrderState.ACCEPTED).cancel(CANCELLATION, marketTime, T1);

        assertThat(change.order().cancellation()).isEqualTo(CANCELLATION);
        assertThat(change.order().settledAt()).isEqualTo(marketTime);
        assertThat(change.transition().detail()).contains("CANCELED_FOR_EXIT").contains("pg-exit");
    }

    @Test
    void spotLongOnlyAnEntryBuysAndEverythingElseSells() {
        Instant notBefore = Instant.parse("2024-03-01T09:14:59.999Z");
        assertThatThrownBy(() -> Terms.of(
                        "pg-x", Side.SELL, OrderType.MARKET, "1", null, notBefore, OrderRole.entry(null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("long only");
        assertThatThrownBy(() ->
                        Terms.of("pg-x", Side.BUY, OrderType.MARKET, "1", null, notBefore, OrderRole.exit(REASON)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("long only");
        assertThatThrownBy(() -> OrderRole.entry(Price.of("100"), Price.of("90")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below takeProfit");
        assertThatThrownBy(() -> OrderRole.protective(OrderPurpose.STOP_LOSS, "pg-entry", null, Price.of("110")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("STOP_LOSS");
    }
}
