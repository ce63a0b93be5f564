package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.Reason;
import dev.peregrine.common.value.Price;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an order exists and what it protects: the part of an order's terms that ties it to a position.
 *
 * @param purpose             ENTRY (buys), EXIT (sells what is held), or one leg of an entry's protective pair
 * @param stopLoss            for an ENTRY, the protective stop to rest once it fills (optional); for a protective
 *                            leg, the pair's stop (the STOP_LOSS leg's trigger); null for an EXIT
 * @param takeProfit          likewise the take-profit (the TAKE_PROFIT leg's limit)
 * @param exitReason          why an EXIT closes the position; null otherwise (and for EXIT orders stored before
 *                            purposes were kept)
 * @param parentClientOrderId for a protective leg, the entry it protects; null otherwise
 */
public record OrderRole(
        OrderPurpose purpose, Price stopLoss, Price takeProfit, Reason exitReason, String parentClientOrderId) {

    public OrderRole {
        Objects.requireNonNull(purpose, "purpose");
        if (stopLoss != null && takeProfit != null && stopLoss.compareTo(takeProfit) >= 0) {
            throw new IllegalArgumentException("stopLoss " + stopLoss + " must be below takeProfit " + takeProfit);
        }
        switch (purpose) {
            case ENTRY ->
                require(
                        exitReason == null && parentClientOrderId == null,
                        "an ENTRY has no exitReason and no parent order");
            case EXIT ->
                require(
                        stopLoss == null && takeProfit == null && parentClientOrderId == null,
                        "an EXIT has no protective levels and no parent order");
            case STOP_LOSS ->
                require(
                        stopLoss != null && parentClientOrderId != null && exitReason == null,
                        "a STOP_LOSS leg needs its stop and the entry it protects");
            case TAKE_PROFIT ->
                require(
                        takeProfit != null && parentClientOrderId != null && exitReason == null,
                        "a TAKE_PROFIT leg needs its take-profit and the entry it protects");
        }
    }

    public static OrderRole entry(Price stopLoss, Price takeProfit) {
        return new OrderRole(OrderPurpose.ENTRY, stopLoss, takeProfit, null, null);
    }

    public static OrderRole exit(Reason exitReason) {
        return new OrderRole(OrderPurpose.EXIT, null, null, exitReason, null);
    }

    /** One leg of the pair protecting {@code entryClientOrderId}; both legs carry both levels of the pair. */
    public static OrderRole protective(OrderPurpose leg, String entryClientOrderId, Price stopLoss, Price takeProfit) {
        if (!isProtective(leg)) {
            throw new IllegalArgumentException(leg + " is not a leg of a protective pair");
        }
        return new OrderRole(leg, stopLoss, takeProfit, null, entryClientOrderId);
    }

    public boolean isProtective() {
        return isProtective(purpose);
    }

    /** Whether an ENTRY asks for a protective stop or take-profit once it fills. */
    public boolean wantsProtection() {
        return purpose == OrderPurpose.ENTRY && (stopLoss != null || takeProfit != null);
    }

    public Optional<Price> stop() {
        return Optional.ofNullable(stopLoss);
    }

    public Optional<Price> target() {
        return Optional.ofNullable(takeProfit);
    }

    private static boolean isProtective(OrderPurpose purpose) {
        return purpose == OrderPurpose.STOP_LOSS || purpose == OrderPurpose.TAKE_PROFIT;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
