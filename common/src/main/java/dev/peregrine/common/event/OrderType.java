package dev.peregrine.common.event;

/** Order types the venues support. */
public enum OrderType {
    MARKET,
    LIMIT
}
