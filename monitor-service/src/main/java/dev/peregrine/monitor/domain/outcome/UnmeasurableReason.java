package dev.peregrine.monitor.domain.outcome;

/** Why a pending outcome could not be measured before its deadline. */
public enum UnmeasurableReason {
    /** No candle of the signal's symbol and interval closed after the signal's candle: there is no entry. */
    NO_CANDLES,
    /** The entry is known, but the series' candles stopped before the exit candle. */
    NO_EXIT_CANDLE
}
