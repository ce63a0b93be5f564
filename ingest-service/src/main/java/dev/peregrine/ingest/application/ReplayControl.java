package dev.peregrine.ingest.application;

import dev.peregrine.ingest.domain.ReplayRun;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Shared between the threads that replay a run (the replay thread and, at speed 0, its publishing thread) and
 * those that look at it or cancel it.
 */
final class ReplayControl {

    private volatile ReplayRun current;
    private volatile boolean cancelRequested;
    private volatile String cancelledBy;
    /** Guarded by {@code this}. */
    private final Set<Thread> workers = new HashSet<>();

    ReplayControl(ReplayRun run) {
        this.current = Objects.requireNonNull(run, "run");
    }

    ReplayRun current() {
        return current;
    }

    void update(ReplayRun run) {
        this.current = run;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** Who asked to cancel; null when unnamed or not asked. */
    String cancelledBy() {
        return cancelledBy;
    }

    /**
     * Asks the run to stop; interrupts its threads so that a pacing pause or a wait for the broker ends at once.
     */
    synchronized void requestCancel() {
        requestCancel(null);
    }

    /** {@link #requestCancel()} on behalf of {@code by}. */
    synchronized void requestCancel(String by) {
        if (!cancelRequested) {
            cancelledBy = by;
        }
        cancelRequested = true;
        workers.forEach(Thread::interrupt);
    }

    /** {@code thread} works for the run until {@link #detach(Thread)}: a cancel interrupts it. */
    synchronized void attach(Thread thread) {
        workers.add(thread);
        if (cancelRequested) {
            thread.interrupt();
        }
    }

    synchronized void detach(Thread thread) {
        workers.remove(thread);
    }

    /** Detaches the calling thread. */
    void detach() {
        detach(Thread.currentThread());
    }
}
