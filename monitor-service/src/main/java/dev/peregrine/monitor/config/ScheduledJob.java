package dev.peregrine.monitor.config;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs one task on its own thread by a {@link Trigger} (a fixed delay, a cron in UTC) while the service runs, timed by
 * the injected {@link Clock}. A failing run is logged and the next one tries again. A job built disabled never starts.
 */
public final class ScheduledJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJob.class);

    private final String name;
    private final Trigger trigger;
    private final Runnable task;
    private final boolean enabled;
    private final Clock clock;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> next;

    public ScheduledJob(String name, Trigger trigger, Runnable task, boolean enabled, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.task = Objects.requireNonNull(task, "task");
        this.enabled = enabled;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void start() {
        if (!enabled || scheduler != null) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix(name + "-");
        scheduler.setDaemon(true);
        scheduler.setClock(clock);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        scheduler.initialize();
        next = scheduler.schedule(this::run, trigger);
    }

    private void run() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Scheduled job {} failed, it runs again at its next time: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            // The next run is queued until its time: cancelled here, so shutting down waits only for a run under way.
            if (next != null) {
                next.cancel(false);
                next = null;
            }
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
