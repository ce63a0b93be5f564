package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one strategy holds of one symbol, as execution's own orders record it: every filled entry added its
 * quantity (less a fee charged in the base asset), every filled sell (exit, stop-loss, take-profit) took its
 * quantity away, and every exit that is working, being sent or of unknown outcome has already claimed its
 * quantity, so two exits never sell the same coins. An entry of unknown outcome holds nothing until it is known.
 */
public record Position(Quantity held) {

    public Position {
        Objects.requireNonNull(held, "held");
    }

    /** The position the orders of one strategy and symbol leave; other orders must not be among them. */
    public static Position of(List<Order> orders) {
        BigDecimal held = BigDecimal.ZERO;
        for (Order order : orders) {
            if (order.state() == OrderState.FILLED && order.purpose() == OrderPurpose.ENTRY) {
                held = held.add(ProtectivePair.protectedQuantity(order).value());
            } else if (order.state() == OrderState.FILLED
                    || (claims(order.state()) && order.purpose() == OrderPurpose.EXIT)) {
                held = held.subtract(order.quantity().value());
            }
        }
        return new Position(Quantity.of(held.max(BigDecimal.ZERO)));
    }

    private static boolean claims(OrderState state) {
        return state == OrderState.ACCEPTED || state.isUnresolved();
    }

    public boolean isFlat() {
        return held.isZero();
    }

    /** What an exit asking for {@code requested} sells: never more than is held. */
    public Quantity exitQuantity(Quantity requested) {
        return requested.compareTo(held) <= 0 ? requested : held;
    }
}
