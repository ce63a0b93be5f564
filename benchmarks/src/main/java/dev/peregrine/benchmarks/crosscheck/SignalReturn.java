package dev.peregrine.benchmarks.crosscheck;

import dev.peregrine.common.event.Grade;
import java.time.Instant;
import java.util.UUID;

/**
 * One signal's gross forward return at the compared horizon, as one side measured it.
 *
 * @param signalTime  the signal candle's open time (the report) or close time (the monitor): shown, never compared
 * @param forwardBps  gross forward return in the signal's direction, in basis points
 */
public record SignalReturn(UUID signalId, String strategy, Grade grade, Instant signalTime, double forwardBps) {

    /** The report's and the monitor's hit: a gross forward return strictly above 0. */
    public boolean hit() {
        return forwardBps > 0;
    }
}
