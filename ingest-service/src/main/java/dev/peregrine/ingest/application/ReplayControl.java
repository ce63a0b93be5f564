package dev.peregrine.ingest.application;

import dev.peregrine.ingest.domain.ReplayRun;

import java.util.Objects;

/** Shared between the thread that replays a run and those that look at it or cancel it. */
final class ReplayControl {

    private volatile ReplayRun current;
    private volatile boolean cancelRequested;
    private volatile Thread worker;

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

    /** Asks the run to stop; interrupts its thread so that a pacing pause ends at once. */
    synchronized void requestCancel() {
        cancelRequested = true;
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }

    synchronized void attach(Thread thread) {
        worker = thread;
        if (cancelRequested) {
            thread.interrupt();
        }
    }

    synchronized void detach() {
        worker = null;
    }
}
