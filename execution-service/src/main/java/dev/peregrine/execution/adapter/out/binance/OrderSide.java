package dev.peregrine.execution.adapter.out.binance;

/** Binance's order side. */
public enum OrderSide {
    BUY,
    SELL
}
