package dev.peregrine.ingest.application;

import dev.peregrine.ingest.domain.ReplayRun;

/**
 * What a replay does about instruments before its first candle is published, on the replay's thread, so that
 * consumers (risk) have a symbol's trading rules before its first signal. With the live feed on, its own refresh
 * keeps the instruments current and a replay does {@link #NONE nothing}; without it, the rules come from an
 * exchangeInfo snapshot ({@link SnapshotInstruments}).
 */
@FunctionalInterface
public interface ReplayInstruments {

    /** Nothing: the instruments are someone else's business (the live feed's, or none configured). */
    ReplayInstruments NONE = run -> {};

    /**
     * Called once per run, before its file is read.
     *
     * @throws RuntimeException when the run must not go on (its message says why); the run is then recorded FAILED
     */
    void beforeReplay(ReplayRun run);
}
