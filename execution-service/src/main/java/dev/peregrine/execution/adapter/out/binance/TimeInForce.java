package dev.peregrine.execution.adapter.out.binance;

/** How long a LIMIT order stays on the book: GTC rests, IOC fills what it can at once and expires the rest. */
public enum TimeInForce {
    GTC,
    IOC
}
