package dev.peregrine.exchangesim;

/** What {@code /api/v3/time} and {@code serverTime} fields report. */
public enum ServerTime {
    /** The simulated market clock: the close time of the last released kline (default). */
    MARKET,
    /** The simulator's wall clock, for clients that compare server time with their own clock. */
    WALL_CLOCK
}
