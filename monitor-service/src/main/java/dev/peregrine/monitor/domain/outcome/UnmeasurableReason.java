package dev.peregrine.monitor.domain.outcome;

/** Why a pending outcome could not be measured before its deadline. */
public enum UnmeasurableReason {
    /** No candle of the signal's symbol and interval closed after the signal's candle: there is no entry. */
    NO_CANDLES,
    /** The entry is known, but the series' candles stopped before the exit candle. */
    NO_EXIT_CANDLE,
    /**
     * The signal arrived after the monitor had deleted its series' candles from the signal's candle on (the candle
     * topic ran more than the retention ahead of the signal topic): measuring it from the candles left would give a
     * wrong entry and exit.
     */
    CANDLES_PRUNED
}
