package dev.peregrine.execution.domain;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.event.OrderType;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Money;
import dev.peregrine.common.value.Price;
import dev.peregrine.common.value.Quantity;
import dev.peregrine.common.value.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The protective orders an entry rests once it fills: a STOP_LOSS leg (a stop-market sell triggered at the
 * stop) and a TAKE_PROFIT leg (a limit sell at the take-profit), one-cancels-the-other. Each leg sells what the
 * entry bought (less its fee when the venue charged it in the base asset), executes on candles from the entry's
 * fill candle on (its notBefore is that candle's open time), answers the entry's intent (same causation, so its
 * reports join the entry's chain) and has ids derived from the entry's clientOrderId, so a replay derives the
 * same legs. An entry with only one of the two levels rests that leg alone.
 */
public final class ProtectivePair {

    private static final String CLIENT_ORDER_ID_PREFIX = "pg-";

    private ProtectivePair() {}

    /** The legs a FILLED entry rests, in the order STOP_LOSS, TAKE_PROFIT; none if it asked for no protection. */
    public static List<OrderTerms> legsOf(Order entry) {
        if (entry.purpose() != OrderPurpose.ENTRY || entry.state() != OrderState.FILLED) {
            throw new IllegalArgumentException("only a FILLED entry rests a protective pair; order "
                    + entry.clientOrderId() + " is a " + entry.state() + " " + entry.purpose());
        }
        OrderRole role = entry.role();
        Quantity quantity = protectedQuantity(entry);
        List<OrderTerms> legs = new ArrayList<>(2);
        if (!role.wantsProtection() || quantity.isZero()) {
            return legs;
        }
        if (role.stopLoss() != null) {
            legs.add(leg(entry, OrderPurpose.STOP_LOSS, OrderType.MARKET, null, quantity));
        }
        if (role.takeProfit() != null) {
            legs.add(leg(entry, OrderPurpose.TAKE_PROFIT, OrderType.LIMIT, role.takeProfit(), quantity));
        }
        return legs;
    }

    /** The clientOrderId of the other leg of {@code leg}'s pair (which may not exist: an entry with one level). */
    public static String otherLegOf(Order leg) {
        OrderPurpose other = switch (leg.purpose()) {
            case STOP_LOSS -> OrderPurpose.TAKE_PROFIT;
            case TAKE_PROFIT -> OrderPurpose.STOP_LOSS;
            case ENTRY, EXIT ->
                throw new IllegalArgumentException(
                        "order " + leg.clientOrderId() + " is an " + leg.purpose() + ", not a protective leg");
        };
        return clientOrderIdOf(other, leg.role().parentClientOrderId());
    }

    /** {@code pg-} and 32 hex digits derived from the leg and the entry: 35 characters of {@code [a-z0-9-]}. */
    public static String clientOrderIdOf(OrderPurpose leg, String entryClientOrderId) {
        return CLIENT_ORDER_ID_PREFIX
                + DerivedIds.from(kind(leg), entryClientOrderId).toString().replace("-", "");
    }

    public static UUID intentIdOf(OrderPurpose leg, String entryClientOrderId) {
        return DerivedIds.from(kind(leg) + "-intent", entryClientOrderId);
    }

    /**
     * What a filled entry added to the position: its quantity, less its fee when the fee was charged in the
     * symbol's base asset (BTC on BTCUSDT). A fee in the quote asset (the paper default) or a third asset
     * leaves the quantity whole.
     */
    public static Quantity protectedQuantity(Order entry) {
        Quantity bought = entry.quantity();
        Optional<Money> fee = entry.fillIfAny().map(Fill::fee);
        if (fee.isEmpty() || !chargedInBaseAsset(entry, fee.get().currency())) {
            return bought;
        }
        return Quantity.of(bought.value().subtract(fee.get().amount()).max(java.math.BigDecimal.ZERO));
    }

    private static boolean chargedInBaseAsset(Order order, String asset) {
        String symbol = order.symbol().value();
        return symbol.length() > asset.length() && symbol.startsWith(asset) && !symbol.endsWith(asset);
    }

    private static OrderTerms leg(
            Order entry, OrderPurpose purpose, OrderType type, Price limitPrice, Quantity quantity) {
        String entryId = entry.clientOrderId();
        return new OrderTerms(
                clientOrderIdOf(purpose, entryId),
                intentIdOf(purpose, entryId),
                entry.terms().strategyId(),
                entry.symbol(),
                Side.SELL,
                type,
                quantity,
                limitPrice,
                entry.fill().marketTime(),
                entry.causation(),
                OrderRole.protective(
                        purpose, entryId, entry.role().stopLoss(), entry.role().takeProfit()));
    }

    private static String kind(OrderPurpose leg) {
        return switch (leg) {
            case STOP_LOSS -> "stop-loss";
            case TAKE_PROFIT -> "take-profit";
            case ENTRY, EXIT -> throw new IllegalArgumentException(leg + " is not a leg of a protective pair");
        };
    }
}
