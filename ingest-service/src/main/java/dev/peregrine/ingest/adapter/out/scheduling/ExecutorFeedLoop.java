package dev.peregrine.ingest.adapter.out.scheduling;

import dev.peregrine.ingest.application.port.out.FeedLoop;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FeedLoop} on one platform thread named {@code binance-feed}. A task that throws is logged and the loop
 * goes on with the next one: one bad message or failed write must not stop the feed. Tasks handed in after
 * {@link #close()} are dropped.
 */
public final class ExecutorFeedLoop implements FeedLoop, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ExecutorFeedLoop.class);

    private final ScheduledThreadPoolExecutor executor;

    public ExecutorFeedLoop() {
        executor = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("binance-feed").daemon(true).factory());
        // Timers (a planned reconnect 23 hours ahead) must not hold up a shutdown; tasks already due still run.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("The feed loop is closed; a task was dropped");
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future =
                    executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            log.debug("The feed loop is closed; a timer was dropped");
            return () -> {};
        }
    }

    /** Lets the tasks already handed in (e.g. closing the connections) run, then stops the thread. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("A live feed task failed; the feed goes on: {}", e.getMessage(), e);
            }
        };
    }
}
