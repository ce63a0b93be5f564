package dev.peregrine.signal.domain.pattern;

/** Which way a confirmed pattern says price should go next. */
public enum Direction {
    BULLISH,
    BEARISH
}
