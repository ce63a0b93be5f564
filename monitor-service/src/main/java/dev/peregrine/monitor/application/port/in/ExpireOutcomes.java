package dev.peregrine.monitor.application.port.in;

/**
 * Pending outcomes whose candles never arrive are given up at a deadline: recorded UNMEASURABLE with the reason,
 * counted, and never counted as a hit or a miss.
 */
public interface ExpireOutcomes {

    /** Gives up every pending outcome past its deadline whose series has stored no candle since; returns how many. */
    int expireOverdue();
}
