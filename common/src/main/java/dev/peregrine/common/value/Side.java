package dev.peregrine.common.value;

/** Direction of a signal or an order. */
public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
