package dev.peregrine.ingest.application.port.out;

import java.time.Duration;

/** Waits between replayed candles; behind a port so that tests never wait. */
public interface Pacer {

    /** Returns after {@code pause}, or throws if the replay is being stopped. */
    void pause(Duration pause) throws InterruptedException;
}
