package dev.peregrine.execution.adapter.out.binance;

/** Binance order status (enums.md, "Order status"). */
public enum VenueOrderStatus {
    /** Accepted by the engine. */
    NEW,
    /** Not yet processed by the engine (e.g. a pending leg of an order list). */
    PENDING_NEW,
    PARTIALLY_FILLED,
    FILLED,
    /** Canceled by the user. */
    CANCELED,
    /** Currently unused by Binance. */
    PENDING_CANCEL,
    /** Not accepted by the engine and not processed. */
    REJECTED,
    /** Canceled by the order type's rules (IOC/FOK/MARKET without full fill) or by the exchange. */
    EXPIRED,
    /** Expired by the exchange because of self-trade prevention. */
    EXPIRED_IN_MATCH;

    /** Whether the order can still trade (or be canceled). */
    public boolean working() {
        return this == NEW || this == PENDING_NEW || this == PARTIALLY_FILLED || this == PENDING_CANCEL;
    }
}
