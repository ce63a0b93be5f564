package dev.peregrine.ingest.application.port.out;

import java.time.Duration;

/**
 * The live feed's single thread: everything that reads or changes the feed's state (messages, connection changes,
 * backfill results, timers) runs on it, one task at a time, in submission order.
 */
public interface FeedLoop {

    void execute(Runnable task);

    /** Runs {@code task} on the loop after {@code delay}. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be called off before it runs. */
    interface Cancellable {
        void cancel();
    }
}
