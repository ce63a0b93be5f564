package dev.peregrine.backtest.research.walkforward;

/** How training windows move along the range. */
public enum WindowScheme {
    /** Each training window has the same length and slides forward with its test window. */
    ROLLING,
    /** Every training window starts at the range's start and grows. */
    ANCHORED
}
