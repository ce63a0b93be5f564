package dev.peregrine.ingest.adapter.in.scheduling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention sweep every {@code interval} on one platform thread named {@code retention}, the first time
 * one interval after {@link #start()} so that a starting service (or a test) is not slowed by a sweep of a large
 * backlog. A sweep that throws is logged and the schedule goes on: a scheduled executor would otherwise drop every
 * later run. Sweeps never overlap: the next one is due {@code interval} after the previous one ended.
 */
public final class RetentionSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final Runnable sweep;
    private final Duration interval;
    private final ScheduledThreadPoolExecutor executor;

    public RetentionSchedule(Runnable sweep, Duration interval) {
        this.sweep = Objects.requireNonNull(sweep, "sweep");
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.interval = interval;
        executor = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("retention").daemon(true).factory());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public void start() {
        long nanos = interval.toNanos();
        executor.scheduleWithFixedDelay(this::sweepGuarded, nanos, nanos, TimeUnit.NANOSECONDS);
        log.info("Retention sweeps every {}, the first in {}", interval, interval);
    }

    /** Interrupts a running sweep, which stops between two chunks; a statement under way runs to its end. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("A retention sweep was still running at shutdown");
        }
    }

    private void sweepGuarded() {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            log.error("The retention sweep failed; the next one runs in {}: {}", interval, e.getMessage(), e);
        }
    }
}
