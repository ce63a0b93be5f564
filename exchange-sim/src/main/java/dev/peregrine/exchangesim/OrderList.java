package dev.peregrine.exchangesim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An OCO order list of the simulated account. Immutable: the engine replaces it when its status changes.
 *
 * @param orderIds    the below order first, then the above order (for a SELL list the stop gets the lower id, as in
 *                    Binance's example)
 * @param lockedAsset the asset the pair holds back once for both orders
 * @param locked      how much of it is still held back
 */
public record OrderList(
        long orderListId,
        String symbol,
        String listClientOrderId,
        StatusType listStatusType,
        OrderStatus listOrderStatus,
        List<Long> orderIds,
        Instant transactionTime,
        String lockedAsset,
        BigDecimal locked) {

    /** Binance's {@code listStatusType}. */
    public enum StatusType {
        RESPONSE,
        EXEC_STARTED,
        ALL_DONE
    }

    /** Binance's {@code listOrderStatus}. */
    public enum OrderStatus {
        EXECUTING,
        ALL_DONE,
        REJECT
    }

    public OrderList {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(listClientOrderId, "listClientOrderId");
        orderIds = List.copyOf(orderIds);
        Objects.requireNonNull(locked, "locked");
    }

    public boolean open() {
        return listOrderStatus == OrderStatus.EXECUTING;
    }

    OrderList done(Instant at) {
        return new OrderList(
                orderListId,
                symbol,
                listClientOrderId,
                StatusType.ALL_DONE,
                OrderStatus.ALL_DONE,
                orderIds,
                at,
                lockedAsset,
                BigDecimal.ZERO);
    }
}
