package dev.peregrine.monitor.config.alert;

import dev.peregrine.monitor.application.alert.port.in.DispatchAlerts;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a dispatch round every poll interval on one thread while the service runs (only when a channel is enabled).
 * A failing round (database unreachable) is logged and the next one tries again; nothing is lost, since the state is
 * in the database. Stopping waits for the round in flight, up to the request timeout and a little more.
 */
public class AlertDispatchScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatchScheduler.class);

    private final DispatchAlerts dispatch;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration stopTimeout;
    private ScheduledExecutorService executor;

    public AlertDispatchScheduler(
            DispatchAlerts dispatch, boolean enabled, Duration pollInterval, Duration requestTimeout) {
        this.dispatch = dispatch;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.stopTimeout = requestTimeout.plusSeconds(5);
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("alert-dispatcher").daemon().factory());
        executor.scheduleWithFixedDelay(
                this::round, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            DispatchAlerts.Round round = dispatch.dispatchDue();
            if (round.attempted() > 0 || round.summaries() > 0) {
                log.debug("Alert dispatch: {}", round);
            }
        } catch (RuntimeException e) {
            log.warn("Alert dispatch round failed, retrying in {}: {}", pollInterval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
