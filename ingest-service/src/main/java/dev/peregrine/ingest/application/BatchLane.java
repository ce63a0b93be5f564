package dev.peregrine.ingest.application;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * One stage of a speed-0 replay (storing, or publishing) on a thread of its own: one task of {@code executor} for the
 * whole run runs the batches handed over, one at a time and in the order they came, while the thread handing them
 * over goes on with the next ones. At most {@code capacity} batches are handed over and not yet done; when the
 * caller is that far ahead it waits (back-pressure), so memory stays bounded however slow the database or the broker
 * is.
 *
 * <p>The first failure stops the lane: the batches after it are skipped (a later replay stores or publishes them
 * again; stored candles keep their event ids), and the caller gets the failure at its next hand-over or when it
 * finishes. A cancel of the run interrupts the lane's thread too (it is attached to the run's
 * {@link ReplayControl}) and skips what has not started.
 */
final class BatchLane {

    /** How long {@link #abort()} waits for a batch under way to give up. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final String stage;
    private final Executor executor;
    private final int capacity;
    private final ReplayControl control;
    /** Guarded by {@code this}, like every field below. */
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

    private int unfinished;
    private Throwable failure;
    private boolean closed;
    private boolean aborted;
    private boolean started;
    private boolean ended;
    /** The thread running the lane's task while it runs. */
    private Thread worker;

    /**
     * @param stage    what the lane does to a batch, for its messages: "storing", "publishing"
     * @param executor runs the lane as one task; must not run it on the caller's thread
     * @param capacity most batches handed over and not yet done; at least 1
     */
    BatchLane(String stage, Executor executor, int capacity, ReplayControl control) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.control = Objects.requireNonNull(control, "control");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Hands a batch over, starting the lane's task with the first one; waits while {@code capacity} batches are not
     * done. Throws the failure of an earlier batch instead of taking this one.
     */
    synchronized void submit(Runnable batch) throws InterruptedException {
        Objects.requireNonNull(batch, "batch");
        throwIfFailed();
        if (closed) {
            throw new IllegalStateException("the replay's " + stage + " lane is closed");
        }
        while (unfinished >= capacity && failure == null && !ended) {
            wait();
        }
        throwIfFailed();
        if (ended) {
            throw new IllegalStateException("the replay's " + stage + " thread stopped");
        }
        queue.add(batch);
        unfinished++;
        if (!started) {
            started = true;
            try {
                executor.execute(this::work);
            } catch (RuntimeException e) {
                ended = true;
                throw e;
            }
        }
        notifyAll();
    }

    /** Throws the failure of a batch done so far, if any, without waiting. */
    synchronized void throwIfFailed() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(stage + " a batch failed: " + failure, failure);
        }
    }

    /** Takes no more batches, waits until those handed over are done and the task has ended, then throws a failure. */
    synchronized void finish() throws InterruptedException {
        closed = true;
        notifyAll();
        while (started && !ended) {
            wait();
        }
        throwIfFailed();
    }

    /**
     * Stops the lane: batches not started are skipped and the one under way is interrupted; waits a bounded time for
     * the task to end. Returns whether it ended (or never started), i.e. whether its results can be looked at.
     */
    synchronized boolean abort() {
        aborted = true;
        closed = true;
        notifyAll();
        if (!started || ended) {
            return true;
        }
        if (worker != null) {
            worker.interrupt();
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        try {
            for (long left = STOP_WAIT.toNanos(); !ended && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ended;
    }

    private void work() {
        Thread self = Thread.currentThread();
        synchronized (this) {
            worker = self;
            if (aborted) {
                self.interrupt();
            }
        }
        control.attach(self);
        try {
            while (true) {
                Runnable batch;
                boolean skip;
                synchronized (this) {
                    while (queue.isEmpty() && !closed) {
                        wait();
                    }
                    batch = queue.poll();
                    if (batch == null) {
                        return;
                    }
                    skip = failure != null || aborted || control.cancelRequested();
                }
                Throwable failed = null;
                if (!skip) {
                    try {
                        batch.run();
                    } catch (Throwable e) {
                        failed = e;
                    }
                }
                synchronized (this) {
                    unfinished--;
                    if (failed != null && failure == null) {
                        failure = failed;
                    }
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                if (failure == null && !aborted) {
                    failure = new IllegalStateException("the replay's " + stage + " thread was interrupted", e);
                }
            }
        } finally {
            control.detach(self);
            synchronized (this) {
                worker = null;
                ended = true;
                notifyAll();
            }
            // A pooled thread goes on to other tasks: the interrupt was for this run only.
            Thread.interrupted();
        }
    }
}
