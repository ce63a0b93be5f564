package dev.peregrine.execution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import dev.peregrine.execution.fixtures.Terms;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionTest {

    private static final Instant NOT_BEFORE = Instant.parse("2024-03-01T09:14:59.999Z");
    private static final Instant T = Instant.parse("2024-03-01T09:15:00.700Z");
    private static final Fill FILL =
            new Fill(Price.of("100"), Money.of("0.1", "USDT"), NOT_BEFORE.plusMillis(1), Price.of("100"));

    private static Order accepted(String clientOrderId, Side side, String quantity, OrderRole role) {
        return Order.open(Terms.of(clientOrderId, side, OrderType.MARKET, quantity, null, NOT_BEFORE, role), "paper", T)
                .order()
                .accept("paper-" + clientOrderId, T)
                .order();
    }

    private static Order entry(String clientOrderId, String quantity) {
        return accepted(clientOrderId, Side.BUY, quantity, OrderRole.entry(null, null))
                .fill(FILL, T)
                .order();
    }

    private static Order exit(String clientOrderId, String quantity) {
        return accepted(clientOrderId, Side.SELL, quantity, OrderRole.exit(Reason.of("OPPOSITE_SIGNAL", "bearish")));
    }

    private static Order stop(String clientOrderId, String quantity) {
        return accepted(
                clientOrderId,
                Side.SELL,
                quantity,
                OrderRole.protective(OrderPurpose.STOP_LOSS, "pg-e1", Price.of("95"), null));
    }

    @Test
    void filledEntriesAddAndFilledSellsTakeAway() {
        Position position = Position.of(List.of(
                entry("pg-e1", "1"),
                entry("pg-e2", "0.5"),
                stop("pg-s1", "1").fill(FILL, T).order()));

        assertThat(position.held()).isEqualTo(Quantity.of("0.5"));
        assertThat(position.isFlat()).isFalse();
    }

    @Test
    void aWorkingExitHasAlreadyClaimedWhatItSellsButARestingLegHasNot() {
        assertThat(Position.of(List.of(entry("pg-e1", "1"), exit("pg-x1", "0.75")))
                        .held())
                .isEqualTo(Quantity.of("0.25"));
        assertThat(Position.of(List.of(entry("pg-e1", "1"), stop("pg-s1", "1"))).held())
                .isEqualTo(Quantity.of("1"));
    }

    @Test
    void anEntryNotYetFilledHoldsNothing() {
        Order working = accepted("pg-e1", Side.BUY, "1", OrderRole.entry(null, null));

        assertThat(Position.of(List.of(working)).isFlat()).isTrue();
        assertThat(Position.of(List.of()).isFlat()).isTrue();
    }

    @Test
    void anExitSellsAtMostWhatIsHeld() {
        Position position = Position.of(List.of(entry("pg-e1", "1")));

        assertThat(position.exitQuantity(Quantity.of("0.4"))).isEqualTo(Quantity.of("0.4"));
        assertThat(position.exitQuantity(Quantity.of("1"))).isEqualTo(Quantity.of("1"));
        assertThat(position.exitQuantity(Quantity.of("3"))).isEqualTo(Quantity.of("1"));
    }

    @Test
    void aSecondExitOfTheSamePositionFindsNothingHeld() {
        Position afterFirst = Position.of(List.of(entry("pg-e1", "1"), exit("pg-x1", "1")));

        assertThat(afterFirst.isFlat()).isTrue();
    }
}
