package dev.peregrine.execution.adapter.in.schedule;

import dev.peregrine.execution.application.port.in.ReconcileWithVenue;
import dev.peregrine.execution.application.port.in.Reconciliation;
import dev.peregrine.execution.application.port.in.ResolveOrders;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * On one thread named {@code venue-reconciliation}: a reconciliation at once when the service starts and then every
 * {@code reconcileEvery}, and between them a resolution round for PENDING_SUBMIT and UNKNOWN orders every
 * {@code resolveEvery}. After every reconciliation {@code afterReconciliation} runs: config passes the Kafka adapter's
 * start of the intent listener (if the venue gate opened), so this adapter does not know the Kafka one. A round that
 * throws is logged and the schedule goes on (a scheduled executor would otherwise drop every later run).
 */
public final class VenueReconciliationSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VenueReconciliationSchedule.class);

    private final ReconcileWithVenue reconcile;
    private final ResolveOrders resolve;
    private final Runnable afterReconciliation;
    private final Duration reconcileEvery;
    private final Duration resolveEvery;
    private ScheduledThreadPoolExecutor executor;

    public VenueReconciliationSchedule(
            ReconcileWithVenue reconcile,
            ResolveOrders resolve,
            Runnable afterReconciliation,
            Duration reconcileEvery,
            Duration resolveEvery) {
        this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
        this.resolve = Objects.requireNonNull(resolve, "resolve");
        this.afterReconciliation = Objects.requireNonNull(afterReconciliation, "afterReconciliation");
        this.reconcileEvery = Objects.requireNonNull(reconcileEvery, "reconcileEvery");
        this.resolveEvery = Objects.requireNonNull(resolveEvery, "resolveEvery");
    }

    @Override
    public synchronized void start() {
        executor = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("venue-reconciliation").daemon(true).factory());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.scheduleWithFixedDelay(
                () -> guarded("reconciliation", this::reconcileOnce),
                0,
                reconcileEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(
                () -> guarded("resolution", resolve::resolveDue),
                resolveEvery.toMillis(),
                resolveEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void reconcileOnce() {
        Reconciliation result = reconcile.reconcile();
        log.info("Reconciled with the venue: {}", result);
        afterReconciliation.run();
    }

    private void guarded(String what, Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.error("A venue {} round failed; the schedule goes on: {}", what, e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
